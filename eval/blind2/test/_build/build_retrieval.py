"""Builds dev/ and test/ retrieval/questions.jsonl from retrieval-questions.tsv (seed 20261208)."""
import json, random, os, collections
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, '..', '..'))
rows = [l.rstrip('\n').split('\t') for l in open(os.path.join(here, 'retrieval-questions.tsv'), encoding='utf-8') if l.strip()]
bydoc = collections.defaultdict(list)
for i, (doc, q, a) in enumerate(rows, 1):
    text = open(os.path.join(root, 'retrieval-docs', doc), encoding='utf-8').read()
    assert a in text, (doc, a)
    assert text.count(a) == 1 or len(a) > 20, (doc, a)
    bydoc[doc].append({'id': f'b2r{i:03d}', 'question': q, 'doc': doc, 'answer': a})
rng = random.Random(20261208)
dev, test = [], []
for k, doc in enumerate(sorted(bydoc)):
    items = bydoc[doc][:]
    rng.shuffle(items)
    n = (len(items) + (1 if k % 2 == 0 else 0)) // 2
    dev += items[:n]; test += items[n:]
for name, part in (('dev', dev), ('test', test)):
    part.sort(key=lambda r: r['id'])
    os.makedirs(os.path.join(root, name, 'retrieval'), exist_ok=True)
    with open(os.path.join(root, name, 'retrieval', 'questions.jsonl'), 'w', encoding='utf-8') as f:
        for r in part: f.write(json.dumps(r, ensure_ascii=False) + '\n')
print(len(dev), len(test))
