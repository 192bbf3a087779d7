/**
 * Shapes in view first, the rest in the background. tldraw mounts every shape on the page — a
 * component and a selection indicator each — before the first paint, and hides the ones out of
 * view; on a board of 2,000 notes that mounting was most of the time to the first paint, and far
 * more on a phone. Here the editor's list of shapes to render starts with the ones in view (tldraw
 * never culls the selected or edited ones); once those are painted, the others join a batch at a
 * time whenever the browser is idle, so a tap is never kept waiting for long. When all have joined
 * the list is tldraw's own again, and everything is on the page as before.
 *
 * Only the canvas's rendering reads this list: hit testing, culling, exports and the page's shapes
 * go through other editor methods and always see every shape.
 */
import { useEffect } from 'react';
import { atom, computed, DefaultCanvas, useEditor, type Editor, type TLCanvasComponentProps, type TLRenderingShape, type TLShapeId } from 'tldraw';

/** Shapes mounted per idle moment: a few dozen milliseconds of work even on a slow phone. */
const BATCH = 40;

interface Staging {
  /** Starts mounting the shapes out of view; returns a stop. */
  mountTheRest(): () => void;
}

const staged = new WeakMap<Editor, Staging>();

function stageRendering(editor: Editor): Staging {
  const existing = staged.get(editor);
  if (existing) return existing;
  const everyShape = editor.getRenderingShapes.bind(editor);
  const seen = new Set<TLShapeId>();
  // How many shapes out of view may be mounted; Infinity once all of them are.
  const allowance = atom('shapes mounted out of view', 0);
  let last: { every: TLRenderingShape[]; allowed: number; seen: number; shown: TLRenderingShape[] } | null = null;

  const shown = computed('shapes to mount', () => {
    const every = everyShape();
    const allowed = allowance.get();
    if (allowed === Infinity) return every;
    const culled = editor.getCulledShapes();
    for (const { id } of every) if (!culled.has(id)) seen.add(id);
    // The same list while nothing new came into view: the canvas does not re-render on every pan.
    if (last && last.every === every && last.allowed === allowed && last.seen === seen.size) return last.shown;
    let extra = 0;
    const list = every.filter(({ id }) => seen.has(id) || extra++ < allowed);
    last = { every, allowed, seen: seen.size, shown: list };
    return list;
  });
  editor.getRenderingShapes = () => shown.get();

  const staging: Staging = {
    mountTheRest() {
      let stopped = false;
      let handle = 0;
      const later = (step: () => void) => (handle = window.requestIdleCallback ? window.requestIdleCallback(step) : window.setTimeout(step, 50));
      const step = () => {
        if (stopped) return;
        const next = allowance.get() + BATCH;
        const outOfView = everyShape().filter(({ id }) => !seen.has(id)).length;
        allowance.set(next >= outOfView ? Infinity : next);
        if (next < outOfView) later(step);
      };
      later(step);
      return () => {
        stopped = true;
        if (window.cancelIdleCallback) window.cancelIdleCallback(handle);
        else window.clearTimeout(handle);
      };
    },
  };
  staged.set(editor, staging);
  return staging;
}

/**
 * tldraw's canvas with the shapes staged. The list is replaced while this component renders,
 * before the canvas's own shape list first renders (tldraw's `onMount` comes after that); the
 * rest start mounting once the first paint is committed.
 */
export function StagedCanvas(props: TLCanvasComponentProps) {
  const editor = useEditor();
  const staging = stageRendering(editor);
  useEffect(() => staging.mountTheRest(), [staging]);
  return <DefaultCanvas {...props} />;
}
