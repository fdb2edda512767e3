// A receiving SMTP server that refuses, at RCPT TO, every recipient whose local part starts with
// "unknown" - as a real server answers for a mailbox that does not exist - and accepts the rest.
// Usage: node refusing-mta.mjs <port>; prints "listening" once it accepts connections.
import { SMTPServer } from 'smtp-server';

const port = Number(process.argv[2]);
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address.toLowerCase().startsWith('unknown')) {
      const refusal = new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown in virtual mailbox table`);
      refusal.responseCode = 550;
      callback(refusal);
      return;
    }
    callback();
  },
  onData(stream, _session, callback) {
    stream.on('end', () => callback());
    stream.resume();
  },
});
server.listen(port, '127.0.0.1', () => console.log(`listening on ${port}`));
