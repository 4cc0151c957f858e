"""Builds dev/ and test/ sentiment.jsonl from sentiment.txt (n! negative+frustrated, n negative, 0 neutral, p positive), stratified 50/50, seed 20261208."""
import json, os, random
here = os.path.dirname(os.path.abspath(__file__)); root = os.path.abspath(os.path.join(here, '..', '..'))
kinds = {'n!': ('negative', True), 'n': ('negative', False), '0': ('neutral', False), 'p': ('positive', False)}
rows = []
for line in open(os.path.join(here, 'sentiment.txt'), encoding='utf-8'):
    line = line.rstrip('\n')
    if line:
        k, text = line.split('|', 1); rows.append((k, text))
rng = random.Random(20261208)
ids = list(range(1, len(rows) + 1)); rng.shuffle(ids)
items = [(k, {'id': f'b2s{n:03d}', 'text': t, 'sentiment': kinds[k][0], 'frustration': kinds[k][1]}) for n, (k, t) in zip(ids, rows)]
dev, test, odd = [], [], 0
for k in kinds:
    group = [r for kk, r in items if kk == k]; rng.shuffle(group)
    n = len(group) // 2
    if len(group) % 2:  # odd classes give their extra line to dev and test in turn
        n += odd % 2 == 0; odd += 1
    dev += group[:n]; test += group[n:]
for name, part in (('dev', dev), ('test', test)):
    part.sort(key=lambda r: r['id'])
    with open(os.path.join(root, name, 'sentiment.jsonl'), 'w', encoding='utf-8') as f:
        for r in part: f.write(json.dumps(r, ensure_ascii=False) + '\n')
print(len(dev), len(test))
