"""Builds dev/ and test/ intents.jsonl from intents.txt (## label headers), stratified 10/10 per label, seed 20261208."""
import json, os, random
here = os.path.dirname(os.path.abspath(__file__)); root = os.path.abspath(os.path.join(here, '..', '..'))
rows, label = [], None
for line in open(os.path.join(here, 'intents.txt'), encoding='utf-8'):
    line = line.rstrip('\n')
    if line.startswith('## '): label = line[3:]; continue
    if line: rows.append((label, line))
rng = random.Random(20261208)
ids = list(range(1, len(rows) + 1)); rng.shuffle(ids)  # ids do not reveal the label
items = [{'id': f'b2i{n:03d}', 'text': text, 'intent': lab} for n, (lab, text) in zip(ids, rows)]
dev, test = [], []
for lab in sorted({r['intent'] for r in items}):
    group = [r for r in items if r['intent'] == lab]; rng.shuffle(group)
    dev += group[:len(group) // 2]; test += group[len(group) // 2:]
for name, part in (('dev', dev), ('test', test)):
    part.sort(key=lambda r: r['id'])
    with open(os.path.join(root, name, 'intents.jsonl'), 'w', encoding='utf-8') as f:
        for r in part: f.write(json.dumps(r, ensure_ascii=False) + '\n')
print(len(dev), len(test))
