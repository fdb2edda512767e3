// cytoscape-dagre ships no types; it is a Cytoscape extension registered with cytoscape.use().
declare module 'cytoscape-dagre' {
  const extension: (cytoscape: unknown) => void;
  export default extension;
}
