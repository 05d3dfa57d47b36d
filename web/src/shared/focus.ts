/**
 * Moves keyboard focus to an element when it appears. Each step of a page replaces the one
 * before; without this, focus would fall back to the top of the document and a keyboard or
 * screen-reader user would have to find where the page went.
 */
import { useEffect, useRef } from 'react';

export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
