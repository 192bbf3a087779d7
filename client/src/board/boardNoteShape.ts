/**
 * tldraw's sticky note with its label measured only when something asks for it. tldraw builds a
 * note's geometry from the size of its text, which it gets by rendering the rich text to HTML and
 * laying it out in the page; the canvas needs the bounds of every shape on the page to cull the
 * ones out of view, so on a board of 2,000 notes it measured 2,000 labels before the first paint
 * (a third of the time to first render). The bounds never depend on the label — a note is a fixed
 * square grown by `growY`, and tldraw leaves labels out of bounds — so the outer square is built
 * from the props and the label's rectangle is tldraw's own, taken from the stock geometry the
 * first time a hit test or a snap asks for labels (double-click to edit, say).
 */
import { DefaultFontFaces, defaultShapeUtils, Geometry2d, Group2d, NoteShapeUtil, Rectangle2d, type Geometry2dFilters, type TLFontFace, type TLNoteShape, type TLRichText, type VecLike } from 'tldraw';

/** The side of a note at scale 1 (tldraw's NOTE_SIZE, which it does not export). */
export const NOTE_SIDE = 200;

/** A label rectangle that asks for its real shape on first use. */
class DeferredLabel2d extends Geometry2d {
  #measured: Geometry2d | null = null;

  constructor(
    private readonly note: Geometry2d,
    private readonly measure: () => Geometry2d,
  ) {
    super({ isClosed: true, isFilled: true, isLabel: true });
  }

  get label(): Geometry2d {
    this.#measured ??= this.measure();
    return this.#measured;
  }

  getVertices(filters: Geometry2dFilters) {
    return this.label.getVertices(filters);
  }

  nearestPoint(point: VecLike, filters?: Geometry2dFilters) {
    return this.label.nearestPoint(point, filters);
  }

  /** A label lies inside its note: a point outside the note needs no measuring (tldraw's hover test asks every note). */
  override isPointInBounds(point: VecLike, margin = 0): boolean {
    return this.note.isPointInBounds(point, margin) && this.label.isPointInBounds(point, margin);
  }

  override getBounds() {
    return this.label.getBounds();
  }

  getSvgPathData(first: boolean) {
    return this.label.getSvgPathData(first);
  }
}

export class BoardNoteShapeUtil extends NoteShapeUtil {
  /**
   * tldraw turns the rich text into plain text through the text editor's schema, built anew for
   * each note; its hover test asks every note on the page for its text, so the first one measured
   * 2,000 schemas. Paragraphs of plain text runs — what notes hold — read directly; anything else
   * goes to tldraw.
   */
  override getText(shape: TLNoteShape): string {
    return plainParagraphs(shape.props.richText) ?? super.getText(shape);
  }

  /**
   * tldraw finds a note's fonts by building the text editor's document from the rich text and
   * walking it for bold, italic and code marks; it does so for every note on the page before the
   * first render (to wait for the fonts) and again in each note's geometry. A note of plain
   * paragraphs uses its font's regular face and nothing else; notes with marks, and empty ones,
   * go to tldraw.
   */
  override getFontFaces(shape: TLNoteShape): TLFontFace[] {
    const { richText, font } = shape.props;
    const empty = richText.content.length === 1 && !(richText.content[0] as { content?: unknown }).content;
    if (empty || !unmarkedParagraphs(richText)) return super.getFontFaces(shape);
    return [DefaultFontFaces[`tldraw_${font}`].normal.normal];
  }

  override getGeometry(shape: TLNoteShape): Group2d {
    const { scale, growY } = shape.props;
    const note = new Rectangle2d({ width: NOTE_SIDE * scale, height: (NOTE_SIDE + growY) * scale, isFilled: true });
    return new Group2d({
      children: [
        note,
        new DeferredLabel2d(note, () => {
          const label = super.getGeometry(shape).children.find((child) => child.isLabel);
          if (!label) throw new Error('tldraw’s note geometry has no label');
          return label;
        }),
      ],
    });
  }
}

/** The text of a document made only of paragraphs of text runs, one line each; else null. */
export function plainParagraphs(doc: TLRichText): string | null {
  if (doc.type !== 'doc' || !Array.isArray(doc.content)) return null;
  const lines: string[] = [];
  for (const block of doc.content as { type?: unknown; content?: unknown }[]) {
    if (block.type !== 'paragraph') return null;
    if (block.content === undefined) {
      lines.push('');
      continue;
    }
    if (!Array.isArray(block.content)) return null;
    let line = '';
    for (const run of block.content as { type?: unknown; text?: unknown }[]) {
      if (run.type !== 'text' || typeof run.text !== 'string') return null;
      line += run.text;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** Whether the document is paragraphs of text runs without marks (no bold, italic or code): one face of one font. */
export function unmarkedParagraphs(doc: TLRichText): boolean {
  if (plainParagraphs(doc) === null) return false;
  return (doc.content as { content?: { marks?: unknown[] }[] }[]).every((block) => (block.content ?? []).every((run) => !run.marks || run.marks.length === 0));
}

/** Our replacements for tldraw's shape utils, as `<Tldraw shapeUtils>` takes them. */
export const boardShapeUtils = [BoardNoteShapeUtil];

/** Every shape util of a board, as a store takes them: tldraw's, with ours in their place. */
export const allBoardShapeUtils = [...defaultShapeUtils.filter((util) => !boardShapeUtils.some((ours) => ours.type === util.type)), ...boardShapeUtils];
