"""Builds dev/ and test/ order-numbers.jsonl from order-numbers.txt ('-' = no order number), split 50/50 within each kind, seed 20261208."""
import json, os, random
here = os.path.dirname(os.path.abspath(__file__)); root = os.path.abspath(os.path.join(here, '..', '..'))
rows = []
for line in open(os.path.join(here, 'order-numbers.txt'), encoding='utf-8'):
    line = line.rstrip('\n')
    if line:
        k, text = line.split('|', 1)
        nums = [] if k == '-' else k.split(',')
        for n in nums: assert n in text, (n, text)
        rows.append({'text': text, 'orderNumbers': nums})
rng = random.Random(20261208)
ids = list(range(1, len(rows) + 1)); rng.shuffle(ids)
items = [{'id': f'b2o{n:03d}', **r} for n, r in zip(ids, rows)]
dev, test = [], []
for has in (True, False):
    group = [r for r in items if bool(r['orderNumbers']) == has]; rng.shuffle(group)
    dev += group[:len(group) // 2]; test += group[len(group) // 2:]
for name, part in (('dev', dev), ('test', test)):
    part.sort(key=lambda r: r['id'])
    with open(os.path.join(root, name, 'order-numbers.jsonl'), 'w', encoding='utf-8') as f:
        for r in part: f.write(json.dumps({'id': r['id'], 'text': r['text'], 'orderNumbers': r['orderNumbers']}, ensure_ascii=False) + '\n')
print(len(dev), len(test), sum(1 for r in items if r['orderNumbers']))
