using Fluid;
using Journeys.Engine.Journeys;
using Journeys.Storage.Templates;

namespace Journeys.Channels.Rendering;

/// <summary>
/// Renders a message node's template with Fluid (Liquid). A stored template (by id) supplies what the
/// node does not give inline. Variables: <c>profile</c> (the whole profile), <c>traits</c>,
/// <c>computed</c>, <c>event</c> (what triggered the step), <c>context</c> (the journey instance's)
/// and <c>journey</c> (id, version, node) - the roots <see cref="LiquidTemplateChecker"/> accepts.
/// </summary>
public sealed class TemplateRenderer(ITemplateStore templates)
{
    private static readonly FluidParser Parser = new();

    public async Task<RenderedMessage> RenderAsync(MessageTemplate template, TemplateVariables variables, CancellationToken cancellationToken)
    {
        var stored = template.Id is { } id && (template.Body is null || template.Subject is null)
            ? await templates.GetAsync(id, cancellationToken) ?? throw new TemplateRenderingException($"template '{id}' is not stored")
            : null;
        var body = template.Body ?? stored?.Body ?? throw new TemplateRenderingException("the template has no body");
        var subject = template.Subject ?? stored?.Subject;
        var context = variables.ToContext();
        return new RenderedMessage(subject is null ? null : Render(subject, context), Render(body, context));
    }

    /// <summary>A text with Liquid in it, such as a webhook body.</summary>
    public static string Render(string liquid, TemplateVariables variables) => Render(liquid, variables.ToContext());

    private static string Render(string liquid, TemplateContext context) =>
        Parser.TryParse(liquid, out var parsed, out var error)
            ? parsed.Render(context)
            : throw new TemplateRenderingException($"template does not parse: {error}");
}
