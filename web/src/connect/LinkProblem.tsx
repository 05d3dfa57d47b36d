/** A connect link that cannot be used (already used, expired, withdrawn, unknown), said plainly. */
import { useFocusOnMount } from '../shared/focus.js';
import { linkProblem } from './problems.js';

export function LinkProblem({ reason, requestId }: { reason: unknown; requestId: string | undefined }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { title, text } = linkProblem(reason);
  return (
    <section className="panel narrow" aria-labelledby="link-problem-title">
      <h2 id="link-problem-title" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      <p>{text}</p>
      {requestId && <p className="request-id">Request id for support: {requestId}</p>}
    </section>
  );
}
