/**
 * Mounts a shape only once it has been in view. tldraw mounts every shape on the page — a
 * component and a selection indicator each — and hides the ones out of view; on a board of 2,000
 * notes that mounting was most of the time to the first paint, and far more on a phone. Here the
 * editor's list of shapes to render holds the ones that have been in view at least once (tldraw
 * never culls the selected or edited ones), so the first paint mounts only what is on screen and
 * panning mounts the rest as it comes into view, the way a long list is virtualised. A shape once
 * mounted stays mounted, so panning back costs nothing.
 *
 * Only the canvas's rendering reads this list: hit testing, culling, exports and the page's shapes
 * go through other editor methods and still see every shape.
 */
import { computed, DefaultCanvas, useEditor, type Editor, type TLCanvasComponentProps, type TLRenderingShape, type TLShapeId } from 'tldraw';

const patched = new WeakSet<Editor>();

export function renderSeenShapes(editor: Editor): void {
  if (patched.has(editor)) return;
  patched.add(editor);
  const everyShape = editor.getRenderingShapes.bind(editor);
  const seen = new Set<TLShapeId>();
  let lastEvery: TLRenderingShape[] | null = null;
  let lastShown: TLRenderingShape[] = [];
  const shown = computed('shapes seen', () => {
    const every = everyShape();
    const culled = editor.getCulledShapes();
    let grew = false;
    for (const { id } of every) {
      if (!culled.has(id) && !seen.has(id)) {
        seen.add(id);
        grew = true;
      }
    }
    // The same list while nothing new came into view: the canvas does not re-render on every pan.
    if (every === lastEvery && !grew) return lastShown;
    lastEvery = every;
    lastShown = every.filter(({ id }) => seen.has(id));
    return lastShown;
  });
  editor.getRenderingShapes = () => shown.get();
}

/**
 * tldraw's canvas, set to mount only the shapes seen. It is set while this component renders,
 * before the canvas's own shape list first renders (tldraw's `onMount` comes after that).
 */
export function SeenShapesCanvas(props: TLCanvasComponentProps) {
  renderSeenShapes(useEditor());
  return <DefaultCanvas {...props} />;
}
