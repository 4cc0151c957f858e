/** A run of text under one heading path, before it is cut into chunks. */
export interface Section {
  /** Headings above the text, outermost first (the document title is not repeated here). */
  headings: string[];
  /** Paragraphs (or list items), in order. */
  paragraphs: string[];
}

export interface ParsedDocument {
  /** The first top-level heading or <title>, when the document has one. */
  title?: string | undefined;
  sections: Section[];
}

/** Collects paragraphs under a heading stack; headings open new sections. */
export class SectionBuilder {
  private readonly stack: { level: number; text: string }[] = [];
  private current: Section = { headings: [], paragraphs: [] };
  readonly sections: Section[] = [];
  title: string | undefined;

  heading(level: number, text: string): void {
    const clean = collapse(text);
    if (!clean) return;
    if (level === 1 && this.title === undefined && this.stack.length === 0 && this.sections.length === 0 && this.current.paragraphs.length === 0) {
      this.title = clean; // the document's own title heads every path already
      return;
    }
    this.flush();
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.level >= level) this.stack.pop();
    this.stack.push({ level, text: clean });
    this.current = { headings: this.stack.map((h) => h.text), paragraphs: [] };
  }

  paragraph(text: string): void {
    const clean = collapse(text);
    if (clean) this.current.paragraphs.push(clean);
  }

  finish(): ParsedDocument {
    this.flush();
    return { title: this.title, sections: this.sections };
  }

  private flush(): void {
    if (this.current.paragraphs.length > 0) this.sections.push(this.current);
    this.current = { headings: this.stack.map((h) => h.text), paragraphs: [] };
  }
}

const collapse = (text: string) =>
  text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
