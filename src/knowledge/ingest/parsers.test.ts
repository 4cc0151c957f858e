import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { minimalPdf } from './minimal-pdf.fixture';
import { formatOfFile, parseDocument } from './parse-document';
import { splitSentences } from './sentences';

describe('document parsing', () => {
  test('Markdown: the first H1 is the title, headings nest, inline marks and code fences are handled', async () => {
    const parsed = await parseDocument(
      'markdown',
      '# Returns\n\nSee [our policy](https://x.test) for **all** details.\n\n## Window\n\n- 30 days\n- from delivery\n\n```\n# not a heading\n```\n\n## Labels\n\n| carrier | cost |\n|---|---|\n| UPS | free |',
    );
    assert.equal(parsed.title, 'Returns');
    assert.deepEqual(
      parsed.sections.map((s) => [s.headings.join('/'), s.paragraphs]),
      [
        ['', ['See our policy for all details.']],
        ['Window', ['- 30 days', '- from delivery', '# not a heading']],
        ['Labels', ['carrier · cost; UPS · free;']],
      ],
    );
  });

  test('HTML: headings open sections; scripts, styles and navigation are dropped; entities decoded', async () => {
    const parsed = await parseDocument(
      'html',
      '<html><head><title>Help centre</title><style>p{}</style></head><body><nav>Home | Shop</nav><h2>Shipping &amp; delivery</h2><p>We ship to <b>Canada</b>.</p><script>alert(1)</script><ul><li>Fast</li><li>Cheap</li></ul><h3>Duties</h3><p>Paid&nbsp;by us.</p></body></html>',
    );
    assert.equal(parsed.title, 'Help centre');
    assert.deepEqual(
      parsed.sections.map((s) => [s.headings.join('/'), s.paragraphs]),
      [
        ['Shipping & delivery', ['We ship to Canada.', '- Fast', '- Cheap']],
        ['Shipping & delivery/Duties', ['Paid by us.']],
      ],
    );
  });

  test('PDF: text per page, each page a section', async () => {
    const pdf = minimalPdf([['Warranty terms', 'Every jacket has a two-year warranty.'], ['Repairs are offered at cost.']]);
    const parsed = await parseDocument('pdf', pdf);
    assert.deepEqual(
      parsed.sections.map((s) => s.headings),
      [['page 1'], ['page 2']],
    );
    assert.match(parsed.sections[0]!.paragraphs.join(' '), /two-year warranty/);
    assert.match(parsed.sections[1]!.paragraphs.join(' '), /Repairs are offered at cost/);
    await assert.rejects(parseDocument('pdf', new Uint8Array([1, 2, 3])));
  });

  test('plain text: paragraphs at blank lines', async () => {
    const parsed = await parseDocument('text', 'First line\nsame paragraph.\n\nSecond paragraph.');
    assert.deepEqual(parsed.sections[0]!.paragraphs, ['First line same paragraph.', 'Second paragraph.']);
  });

  test('sentences split at ends, not after abbreviations or inside decimals', () => {
    assert.deepEqual(splitSentences('It weighs 1.4 kg. Use e.g. the side pocket. Done! Next?'), [
      'It weighs 1.4 kg.',
      'Use e.g. the side pocket.',
      'Done!',
      'Next?',
    ]);
  });

  test('file formats by extension', () => {
    assert.equal(formatOfFile('faq.MD'), 'markdown');
    assert.equal(formatOfFile('a/b/terms.pdf'), 'pdf');
    assert.equal(formatOfFile('page.htm'), 'html');
    assert.equal(formatOfFile('notes.txt'), 'text');
    assert.equal(formatOfFile('image.png'), undefined);
  });
});

describe('parsing text built to be slow', () => {
  test('unclosed Markdown marks, a heading with trailing spaces and deep HTML are read, or refused, in one pass', async () => {
    const marks = await parseDocument('markdown', `# Title  ##   \n\n${' _a'.repeat(3000)} [link](https://x.test) and **bold** and _em_ and ![img](i.png)\n\n${'[a]('.repeat(3000)}`);
    assert.equal(marks.title, 'Title');
    const text = marks.sections.flatMap((section) => section.paragraphs).join('\n');
    assert.match(text, /_a link and bold and em and\n/);
    assert.ok(text.includes('[a]([a]('), 'unclosed links stay as text');
    await assert.rejects(parseDocument('html', '<div>'.repeat(100_000)), /nested deeper than 512/);
    assert.equal(splitSentences(`${'See no. A '.repeat(3)}End.`).length, 1);
  });
});
