/** A failure said in words, with the request id support needs. */
import { ApiFailure } from '../shared/api.js';

export interface ProblemInfo {
  message: string;
  requestId?: string | undefined;
}

export function problemOf(err: unknown): ProblemInfo {
  if (err instanceof ApiFailure) return { message: err.message, requestId: err.requestId };
  return { message: err instanceof Error ? err.message : String(err) };
}

export function Problem({ problem }: { problem: ProblemInfo | undefined }) {
  if (!problem) return null;
  return (
    <div className="problem" role="alert">
      <p className="problem-message">{problem.message}</p>
      {problem.requestId && <p className="request-id">Request id for support: {problem.requestId}</p>}
    </div>
  );
}
