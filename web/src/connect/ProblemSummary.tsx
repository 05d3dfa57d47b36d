/**
 * Why connecting failed, right above the button that retries it. role="alert" has screen
 * readers say it as it appears; the request id is there for support, in small print.
 */
import type { Problem } from './problems.js';

export function ProblemSummary({ problem }: { problem: Problem }) {
  return (
    <div className="problem" role="alert" aria-labelledby="problem-message">
      <p id="problem-message" className="problem-message">
        {problem.message}
      </p>
      {problem.detail && problem.detail !== problem.message && <p className="problem-detail">Details: {problem.detail}</p>}
      {problem.requestId && <p className="request-id">Request id for support: {problem.requestId}</p>}
    </div>
  );
}
