// A Graph error as it travels on the wire. The body shape and the request-id headers are what the Graph SDK's
// GraphErrorHandler reads, so tests see `statusCode` and `code` exactly as they would from graph.microsoft.com.

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "GraphError";
  }

  toBody(requestId: string, clientRequestId: string, date: Date = new Date()): GraphErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        innerError: {
          date: date.toISOString().replace(/\.\d{3}Z$/, ""),
          "request-id": requestId,
          "client-request-id": clientRequestId,
        },
      },
    };
  }
}

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; "request-id": string; "client-request-id": string };
  };
}
