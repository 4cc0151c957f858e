"""Hand-written blind2 conversations for the demo store (default seed). Builds one YAML file per
scenario into dev/conversations and test/conversations (random split, seed 20261208, 30/30)."""
import os, random, re, yaml

def _str(dumper, value):
    # Quote anything a YAML 1.2 reader could take for a number or a boolean (zip codes such as 02118).
    style = "'" if re.fullmatch(r"[-+0-9.eE_:xXoO]+|yes|no|on|off|true|false|null|y|n", value, re.I) else None
    return dumper.represent_scalar('tag:yaml.org,2002:str', value, style=style)
yaml.SafeDumper.add_representer(str, _str)

def T(say, **expect):
    t = {'say': say}
    if expect:
        t['expect'] = expect
    return t

def act(type, order=None, status=None, data_has=None):
    a = {'type': type}
    if status: a['status'] = status
    if order: a['order'] = order
    if data_has: a['data_has'] = data_has
    return a

def S(file, name, turns, shopper=None, why=None, tags=()):
    d = {'name': name}
    if tags: d['tags'] = list(tags)
    if why: d['why'] = why
    if shopper:
        d['shopper'] = {'email': shopper} if isinstance(shopper, str) else shopper
    d['turns'] = turns
    return file, d

NO_DETAILS = lambda *words: list(words)
PHOTO = '/photo|picture|image|pic\\b/'
SC = []
add = SC.append

# ---------------- where is my order, verification ----------------
add(S('wismo-email-verify', 'where is my order, verified by e-mail', [
    T('where is order 1131?? been waiting ages', intent='order_status', order='#1131', awaiting='verification', actions=[],
      reply_lacks=['Wool Throw', 'JD014600000009061118']),
    T('kate.okafor10@example.org', order='#1131', actions=[], reply_has=['DHL']),
], tags=['wismo', 'verification']))

add(S('wismo-postcode-verify', 'where is my order, verified by postcode', [
    T("hey wheres my stuff, order #1116", intent='order_status', order='#1116', awaiting='verification', actions=[],
      reply_lacks=['Trail Running', 'Fleece']),
    T('98101', order='#1116', reply_has=['USPS']),
], tags=['wismo', 'verification']))

add(S('wismo-wrong-email-then-right', 'a wrong e-mail reveals nothing, the right one does', [
    T('Hi, could you tell me the delivery status of order 1092? Thanks', intent='order_status', order='#1092', awaiting='verification', actions=[]),
    T('liam.okafor@example.org', awaiting='verification', actions=[],
      reply_lacks=['Parka', 'Wool Throw', 'USPS', '9400111899000008752277', 'Austin']),
    T('oh sorry, thats my old one. liam.okafor31@example.org', order='#1092', reply_has=['USPS']),
], tags=['wismo', 'verification']))

add(S('wismo-wrong-postcode', 'a wrong postcode is not accepted', [
    T('order 1244 tracking pls', intent='order_status', order='#1244', awaiting='verification', actions=[]),
    T('zip is 11210', awaiting='verification', actions=[], reply_lacks=['Canyon', 'Boots', '1Z999AA10009955965']),
], tags=['wismo', 'verification']))

add(S('wismo-pickup-ready', 'parcel waiting at a pickup point', [
    T("the headlamp i ordered, do i have to go and collect it somewhere? tracking is confusing", intent=['order_status', 'delivery_problem'], order='#1180', actions=[],
      reply_has=['/pick ?up|collect/']),
], shopper='tara.okafor59@example.net', tags=['wismo']))

add(S('wismo-long-email', 'a long e-mail with the order number and e-mail address in it', [
    T("Hello,\n\nI hope this message finds you well. I placed an order with you a few days ago (order number 1300) "
      "for a parka, a hoodie and a beanie, as a present for my brother whose birthday is next week. I have not yet received "
      "any update since the confirmation and I am getting slightly nervous because I will be travelling from Thursday. "
      "Could you kindly let me know where the parcel currently is and whether it will arrive before then? My e-mail address "
      "on the order is tara.okafor59@example.net.\n\nMany thanks in advance,\nTara", intent='order_status', order='#1300', actions=[],
      reply_has=['FedEx']),
], tags=['wismo', 'verification', 'email-style']))

add(S('wismo-details-over-several-messages', 'details arrive one message at a time', [
    T('hi'),
    T('my scarf never came', intent=['delivery_problem', 'order_status'], awaiting='order_reference', actions=[]),
    T('order is 1198', order='#1198', awaiting='verification', actions=[]),
    T('M5H 2N2', order='#1198', actions=[], reply_has=['Canada Post']),
], tags=['wismo', 'verification', 'multi-turn']))

add(S('wismo-bare-number-follow-up', 'a bare order number answers the question for it', [
    T('has my order shipped yet', intent='order_status', awaiting='order_reference', actions=[]),
    T('1265', order='#1265', awaiting='verification', actions=[]),
    T('emma.okafor24@example.com', order='#1265', reply_has=['UPS']),
], tags=['wismo', 'follow-up']))

add(S('wismo-and-the-other-one', '"and the other one?" moves to the second order named earlier', [
    T('I have 2 orders coming, 1148 and 1208. wheres the first one', intent='order_status', order='#1148', reply_has=['Canada Post']),
    T('and the other one?', order='#1208', actions=[]),
], shopper='hiro.kowalski27@example.com', tags=['wismo', 'follow-up']))

add(S('wismo-how-much-longer', 'a follow-up keeps the same order in focus', [
    T('where are my parkas, order 1233, it says it should have been here already', intent=['order_status', 'delivery_problem'], order='#1233', actions=[]),
    T('how much longer??', order='#1233', actions=[]),
], shopper='maya.okafor52@example.org', tags=['wismo', 'follow-up', 'late']))

# ---------------- partial shipments ----------------
add(S('partial-shipment-logged-in', 'only one of two items has shipped', [
    T('got a tracking email but it only mentions the bottle?? what about the blanket', intent=['order_status', 'delivery_problem'], order='#1003', actions=[],
      reply_has=['Blanket']),
], shopper='chloe.smith2@example.net', tags=['wismo', 'partial']))

add(S('partial-shipment-anon-uk', 'which half of a split order has shipped, anonymous', [
    T('1090 - has the tent or the blanket been sent? only one tracking number', intent=['order_status', 'delivery_problem'], order='#1090', awaiting='verification', actions=[]),
    T('postcode SW1A 1AA', order='#1090', reply_has=['Tent']),
], tags=['wismo', 'partial', 'verification']))

# ---------------- delivery problems ----------------
add(S('delivered-not-received', 'tracking says delivered, nothing at the door', [
    T("tracking says my shoes were delivered this morning but theres nothing at my door or with the neighbours", intent='delivery_problem', order='#1266', actions=[]),
], shopper='farid.nguyen25@example.org', tags=['delivery-problem']))

add(S('delivered-not-received-sarcastic-anon', 'sarcastic not-received, anonymous', [
    T('oh great, "delivered" apparently. delivered to who exactly?? order 1282', intent='delivery_problem', order='#1282', awaiting='verification', actions=[]),
    T('ben.kowalski41@example.net', order='#1282', actions=[], reply_has=['DHL']),
], tags=['delivery-problem', 'verification', 'sarcasm']))

add(S('damaged-mug-refund-needs-photo', 'a damaged item refund needs a photo first', [
    T('the mug arrived with a crack right through the handle, can i just get my money back', intent='refund_request', order='#1205', actions=[],
      reply_has=[PHOTO]),
], shopper='emma.okafor24@example.com', tags=['refund', 'damaged']))

add(S('defective-boots-refund', 'defective boots over the automatic limit', [
    T('wore my new boots twice and the sole is already peeling off one of them. I want a refund', intent=['refund_request', 'return_request', 'complaint'], order='#1168', actions=[],
      reply_has=[PHOTO]),
], shopper='hiro.brown47@example.net', tags=['refund', 'defective']))

add(S('wrong-colour-sent', 'wrong variant delivered', [
    T('you sent me a CORAL bottle. i ordered forest green. order 1272', intent=['delivery_problem', 'exchange_request', 'return_request', 'refund_request', 'complaint'], order='#1272', actions=[]),
], shopper='liam.okafor31@example.org', tags=['wrong-item']))

add(S('missing-item-from-box', 'one item missing from a delivered box', [
    T('box came yesterday, two scarves and the mug were in it but NO lamp', intent=['delivery_problem', 'complaint', 'refund_request'], order='#1151', actions=[],
      reply_has=['Lamp']),
], shopper='kate.smith30@example.com', tags=['missing-item']))

add(S('high-value-damaged-tent', 'damage on an order above the high-value threshold goes to a person', [
    T('one of the two tents from my order came with a ripped floor, I want a refund for it', intent=['refund_request', 'complaint', 'return_request'], order='#1202', actions=[], handoff=True),
], shopper='ben.lee21@example.com', tags=['refund', 'damaged', 'high-value']))

# ---------------- cancellations ----------------
add(S('cancel-logged-in', 'cancel an unshipped order after confirming', [
    T('pls cancel 1036, found it cheaper elsewhere', intent='cancel_order', order='#1036', awaiting='confirmation', actions=[]),
    T('yes please', actions=[act('cancel_order', '#1036', 'completed')]),
], shopper='priya.lee35@example.net', tags=['cancel']))

add(S('cancel-anon-verify', 'anonymous cancel verified by e-mail', [
    T('I want to cancel order 1129', intent='cancel_order', order='#1129', awaiting='verification', actions=[]),
    T('isla.garcia8@example.net', order='#1129', awaiting='confirmation', actions=[]),
    T('yep', actions=[act('cancel_order', '#1129', 'completed')]),
], tags=['cancel', 'verification']))

add(S('cancel-non-native', 'non-native English cancel, postcode verification', [
    T('hello, i am wanting cancel my order number 1055 because i make mistake with quantity of blankets', intent=['cancel_order', 'modify_order'], order='#1055', awaiting='verification', actions=[]),
    T('my postal code is 60607', order='#1055', awaiting='confirmation', actions=[]),
    T('yes please cancel all order', actions=[act('cancel_order', '#1055', 'completed')]),
], tags=['cancel', 'verification', 'non-native']))

add(S('cancel-refused-in-transit', 'a shipped order cannot be cancelled', [
    T('cancel order 1125', intent='cancel_order', order='#1125', actions=[], reply_has=['/shipped|on (its|the) way|in transit|already/']),
], shopper='emma.nguyen4@example.org', tags=['cancel', 'refused']))

add(S('cancel-already-cancelled', 'cancelling an order that is already cancelled', [
    T('cancel 1283 pls', intent='cancel_order', order='#1283', actions=[], reply_has=['/already/']),
], shopper='chloe.lee42@example.com', tags=['cancel', 'refused']))

add(S('cancel-changes-mind', 'the shopper backs out before confirming', [
    T('can you cancel the sleeping bag order', intent='cancel_order', order='#1150', awaiting='confirmation', actions=[]),
    T("hmm actually no. leave it, i'll keep it", actions=[]),
    T('yeah just leave it as it is thanks', actions=[]),
], shopper='jamal.garcia29@example.net', tags=['cancel', 'changes-mind']))

add(S('cancel-unnamed-order-asks', 'two open orders: the agent asks which one instead of guessing', [
    T('cancel my order', intent='cancel_order', awaiting='order_reference', actions=[]),
    T('the fleece one', order='#1052', awaiting='confirmation', actions=[]),
    T('yes', actions=[act('cancel_order', '#1052', 'completed')]),
], shopper='liam.smith51@example.com', tags=['cancel', 'unnamed-order']))

add(S('cancel-corrects-order-number', 'the shopper corrects the order number', [
    T('cancel order 1095 please', intent='cancel_order', order='#1095', actions=[]),
    T('oh sorry wrong one, i meant 1035', order='#1035', awaiting='confirmation', actions=[]),
    T('yes cancel it', actions=[act('cancel_order', '#1035', 'completed')]),
], shopper='olivia.kowalski34@example.org', tags=['cancel', 'correction']))

add(S('cancel-policy-question-in-the-middle', 'a policy question while a cancellation waits for confirmation', [
    T('cancel 1013', intent='cancel_order', order='#1013', awaiting='confirmation', actions=[]),
    T('wait, is there a fee for cancelling?', intent='policy_question', order='#1013', actions=[]),
    T('ok then go ahead and cancel it', actions=[act('cancel_order', '#1013', 'completed')]),
], shopper='maya.brown12@example.com', tags=['cancel', 'policy', 'interruption']))

add(S('not-their-order-cancel', 'asking to cancel someone else\'s order', [
    T('cancel 1114 for me', intent='cancel_order', actions=[], reply_lacks=['Tent', 'noah']),
], shopper='ann.lee0@example.com', tags=['cancel', 'not-owner']))

# ---------------- address and order changes ----------------
add(S('address-change-one-message', 'new address given in the first message', [
    T('can u change the address on 1082 to 77 Lakeview Drive, Austin TX 78704', intent='change_address', order='#1082', awaiting='confirmation', actions=[]),
    T('yes', actions=[act('update_address', '#1082', 'completed', ['77 Lakeview', '78704'])]),
], shopper='ben.lee21@example.com', tags=['address']))

add(S('address-change-anon-several-turns', 'address change: verification, then the new address, then yes', [
    T('i moved, need to change the delivery address on my order 1087', intent='change_address', order='#1087', awaiting='verification', actions=[]),
    T('02118', order='#1087', awaiting='new_address', actions=[]),
    T('14 Beacon St Apt 3, Boston MA 02108', awaiting='confirmation', actions=[]),
    T('correct', actions=[act('update_address', '#1087', 'completed', ['14 Beacon', '02108'])]),
], tags=['address', 'verification', 'multi-turn']))

add(S('address-change-refused-shipped', 'zip fix on an order already on its way', [
    T('wrong zip on my running shoes order, it should be 60608 not 60607', intent='change_address', order='#1235', actions=[]),
], shopper='olivia.brown54@example.com', tags=['address', 'refused']))

add(S('modify-size-before-shipping', 'change the size of an unshipped order', [
    T('can you change the 2 sweaters in 1152 from M to L before they ship', intent='modify_order', order='#1152', awaiting='confirmation', actions=[]),
    T('yes please', actions=[act('update_order', '#1152', data_has=['/\\bL\\b/'])]),
], shopper='liam.okafor31@example.org', tags=['modify']))

# ---------------- returns and exchanges ----------------
add(S('return-single-item', 'return a delivered item after confirming', [
    T("I'd like to return the fleece from 1293, it's way too big", intent='return_request', order='#1293', awaiting='confirmation', actions=[]),
    T('yes', actions=[act('create_return', '#1293', data_has=['Fleece'])]),
], shopper='maya.okafor52@example.org', tags=['return']))

add(S('return-choose-item', 'return from a two-item order: which item', [
    T('want to send something back from order 1289', intent='return_request', order='#1289', awaiting='item_choice', actions=[]),
    T("the scarf, don't like the colour", order='#1289', awaiting='confirmation', actions=[]),
    T('yes go ahead', actions=[act('create_return', '#1289', data_has=['Scarf'])]),
], shopper='isla.kowalski48@example.com', tags=['return']))

add(S('return-unnamed-order-asks', 'return without naming the order: the agent asks', [
    T('i need to return something', intent='return_request', awaiting='order_reference', actions=[]),
    T("the parka, it's too small in the shoulders", order='#1281', awaiting='confirmation', actions=[]),
    T('yes please', actions=[act('create_return', '#1281', data_has=['Parka'])]),
], shopper='ann.brown40@example.org', tags=['return', 'unnamed-order']))

add(S('return-outside-window', 'return asked 38 days after delivery', [
    T('can i still return the backpack from 1186? barely used it', intent='return_request', order='#1186', actions=[], reply_has=['30']),
], shopper='farid.brown5@example.net', tags=['return', 'refused']))

add(S('return-final-sale', 'final-sale item cannot be returned', [
    T('return the pour over set please, order 1121', intent='return_request', order='#1121', actions=[], reply_has=['/final.sale/']),
], shopper='ann.lee0@example.com', tags=['return', 'refused']))

add(S('return-gift-card', 'a gift card cannot be returned', [
    T('i want to return the gift card i bought, never even used it', intent=['return_request', 'refund_request'], order='#1204', actions=[], reply_has=['/gift.?card/']),
], shopper='diego.smith23@example.net', tags=['return', 'refused']))

add(S('exchange-size', 'swap a delivered fleece for another size', [
    T('fleece is massive lol can I swap the XL for a M', intent='exchange_request', order='#1057', awaiting='confirmation', actions=[]),
    T('yes', actions=[act('create_exchange', '#1057', data_has=['/\\bM\\b/'])]),
], shopper='quinn.lee56@example.net', tags=['exchange']))

add(S('exchange-anon-shoes', 'exchange with verification by e-mail', [
    T('Hi! The camp slip-ons from order 1162 are a bit tight, could I exchange them for a size 8?', intent='exchange_request', order='#1162', awaiting='verification', actions=[]),
    T('ben.kowalski41@example.net', order='#1162', awaiting='confirmation', actions=[]),
    T('yes thank you', actions=[act('create_exchange', '#1162', data_has=['/\\b8\\b/'])]),
], tags=['exchange', 'verification']))

add(S('exchange-size-out-of-stock', 'exchange into a size that is out of stock', [
    T('swap one of the softshells in 1161 for a large please', intent='exchange_request', order='#1161', actions=[], reply_has=['/stock|available|sold out/']),
], shopper='ann.brown40@example.org', tags=['exchange', 'refused']))

add(S('exchange-final-sale', 'final-sale vest cannot be exchanged', [
    T('can i exchange the fleece vest for a M', intent='exchange_request', order='#1077', actions=[], reply_has=['/final.sale/']),
], shopper='quinn.smith16@example.org', tags=['exchange', 'refused']))

add(S('return-then-exchange-changes-mind', 'a return turns into an exchange before confirmation', [
    T('i want to return my running shoes order 1014, too tight', intent='return_request', order='#1014', awaiting='confirmation', actions=[]),
    T('wait actually could i just get them in a 9 instead?', intent=['exchange_request', 'return_request'], order='#1014', awaiting='confirmation', actions=[]),
    T('yes that', actions=[act('create_exchange', '#1014', data_has=['/\\b9\\b/'])]),
], shopper='noah.kowalski13@example.org', tags=['exchange', 'changes-mind']))

add(S('return-with-policy-question', 'a refund-timing question while a return waits for confirmation', [
    T('return the lamp from 1295 please, it wobbles on the table', intent='return_request', order='#1295', awaiting='confirmation', actions=[]),
    T('how long does the refund take once you get it back?', intent=['policy_question', 'refund_status'], order='#1295', actions=[]),
    T('ok yes start the return', actions=[act('create_return', '#1295', data_has=['Lamp'])]),
], shopper='olivia.brown54@example.com', tags=['return', 'policy', 'interruption']))

# ---------------- refunds ----------------
add(S('refund-amount-too-high', 'the amount asked is more than the item cost', [
    T("you got my mug back from order 1292 weeks ago, refund me the $40 please", intent=['refund_request', 'refund_status'], order='#1292', actions=[], reply_has=['/\\b18\\b|\\b26\\b/'], reply_lacks=['/\\$?40(\\.00)? (has been|was) refunded/']),
], shopper='liam.smith51@example.com', tags=['refund', 'amount']))

add(S('refund-already-refunded', 'a second refund on a refunded order', [
    T('I want a refund for the running shoes in 1122', intent='refund_request', order='#1122', actions=[], reply_has=['/already|refunded/']),
], shopper='ben.garcia1@example.org', tags=['refund', 'refused']))

add(S('refund-over-limit-not-received', 'not received, above the automatic refund limit', [
    T('tracking says my parka was delivered 2 weeks ago but it never came. I want my money back', intent=['refund_request', 'delivery_problem'], order='#1260', actions=[]),
], shopper='tara.brown19@example.org', tags=['refund', 'over-limit']))

add(S('refund-status-return-in-transit', 'refund status while the return is still travelling', [
    T("where's my refund for the fleece I sent back", intent=['refund_status', 'return_status'], order='#1185', actions=[]),
], shopper='emma.nguyen4@example.org', tags=['refund-status']))

add(S('return-status-rma', 'return status by RMA number', [
    T('any news on return RMA-1212-1?', intent='return_status', order='#1212', actions=[]),
], shopper='liam.okafor31@example.org', tags=['return-status']))

add(S('return-status-received', 'return already received at the warehouse', [
    T('did you guys get the scarf i sent back', intent='return_status', order='#1215', actions=[], reply_has=['/received|arrived|got (it|your)/']),
], shopper='olivia.kowalski34@example.org', tags=['return-status']))

# ---------------- two requests, angry, human, not theirs ----------------
add(S('two-requests-status-and-return', 'two requests in one message; the action still waits for a yes', [
    T('where is 1075 and also i want to return the hoodie from 1015', intent=['order_status', 'return_request'], actions=[], reply_has=['DHL']),
    T('yes go ahead with the hoodie return', actions=[act('create_return', '#1015', data_has=['Hoodie'])]),
], shopper='olivia.lee14@example.net', tags=['two-requests']))

add(S('two-requests-product-and-return', 'a product question and a return in one message', [
    T("is the rain jacket machine washable? also how do I return the headlamp from 1094, it's too weak for night hikes", intent=['product_question', 'return_request'], actions=[], reply_has=['/wash/']),
    T('yes return it', actions=[act('create_return', '#1094', data_has=['Headlamp'])]),
], shopper='noah.brown33@example.com', tags=['two-requests', 'product']))

add(S('not-their-order-wismo', "asking about another customer's order reveals nothing", [
    T('where is order 1099', intent='order_status', actions=[], reply_lacks=['Parka', '7023000000001099', 'Vancouver']),
], shopper='rosa.garcia57@example.com', tags=['wismo', 'not-owner']))

add(S('angry-repeat-caps', 'angry repeat contact in capitals still gets the facts', [
    T('THIRD TIME IM ASKING. WHERE IS MY HEADLAMP. ORDER 1134. DO YOU PEOPLE EVEN READ THESE', intent=['order_status', 'delivery_problem', 'complaint'], order='#1134', actions=[]),
], shopper='noah.kowalski13@example.org', tags=['angry', 'repeat']))

add(S('angry-chargeback-threat', 'a chargeback threat goes to a person', [
    T("been waiting forever for 1166. if it's not here by friday I'm disputing the charge with my bank, done with you guys", intent=['delivery_problem', 'complaint', 'order_status'], order='#1166', handoff=True, actions=[]),
], shopper='farid.okafor45@example.com', tags=['angry', 'handoff']))

add(S('human-agent-right-away', 'asking for a person at once', [
    T('can i talk to an actual human please', intent='human_agent', handoff=True, actions=[]),
], tags=['handoff']))

add(S('human-agent-after-status', 'asking for a person after a status answer', [
    T("where's 1239", intent='order_status', order='#1239', actions=[]),
    T("this isn't helping. agent please", intent=['human_agent', 'complaint'], handoff=True, actions=[]),
], shopper='sam.smith58@example.org', tags=['handoff']))

# ---------------- product questions ----------------
add(S('product-sleeping-bag-warmth', 'product question: sleeping bag temperature', [
    T('how cold can the down sleeping bag handle? going to the rockies in october', intent='product_question', actions=[], reply_has=['/-5|23/']),
]))

add(S('product-merino-xs-stock', 'product question: a size that is out of stock', [
    T('do u have the merino crew sweater in XS', intent='product_question', actions=[], reply_has=['/out of stock|sold out|unavailable|not (currently )?(in stock|available)/']),
]))

files = [f for f, _ in SC]
assert len(files) == len(set(files)), 'duplicate file names'
# every acting scenario must use an order of its own
import collections
orders = collections.Counter()
for f, d in SC:
    used = set()
    for t in d['turns']:
        for a in t.get('expect', {}).get('actions', []):
            used.add(a.get('order'))
    for o in used: orders[o] += 1
assert all(c == 1 for c in orders.values()), orders

if __name__ == '__main__':
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(os.path.join(here, '..', '..'))
    rng = random.Random(20261208)
    order = list(range(len(SC)))
    rng.shuffle(order)
    half = len(SC) // 2
    for k, i in enumerate(order):
        f, d = SC[i]
        part = 'dev' if k < half else 'test'
        out = os.path.join(root, part, 'conversations', f + '.yaml')
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, 'w', encoding='utf-8') as fh:
            fh.write('# blind2 conversation for the demo store (default seed); see eval/blind2/README.md\n')
            yaml.safe_dump({'scenarios': [d]}, fh, sort_keys=False, allow_unicode=True, width=120, default_flow_style=None)
    print(len(SC), 'scenarios;', half, 'dev;', len(SC) - half, 'test')
