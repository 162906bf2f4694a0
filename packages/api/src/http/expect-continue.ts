import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

// A client that sends "Expect: 100-continue" (curl does for any file over 1 MB) waits for the server's word before
// it sends the body. Node says "100 Continue" at once unless the server listens for 'checkContinue'; with this
// listener the routes that take large files say it only once they would read the file, so a file too large, or
// one arriving while the server is busy with another, is refused before a byte of it travels. Every other request
// is told to continue straight away, as Node would.

const awaitingContinue = new WeakSet<IncomingMessage>();

/** The server's 'checkContinue' listener: `decidesItself` picks the requests whose route sends the 100 itself. */
export const expectContinue =
  (app: RequestListener, decidesItself: (req: IncomingMessage) => boolean): RequestListener =>
  (req, res) => {
    if (decidesItself(req)) awaitingContinue.add(req);
    else res.writeContinue();
    app(req, res);
  };

/** Tells a client that waits for it to send the body now; a no-op for every other request. */
export const sendContinue = (req: IncomingMessage, res: ServerResponse): void => {
  if (awaitingContinue.delete(req)) res.writeContinue();
};
