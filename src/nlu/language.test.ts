import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage } from './language';

test('languages of support messages, short and long', () => {
  const table: [string, string][] = [
    ['where is my order #1042', 'en'],
    ['hi', 'en'],
    ['donde esta mi pedido 1042', 'es'],
    ['quiero devolver los zapatos', 'es'],
    ['où est ma commande ?', 'fr'],
    ['je voudrais retourner ma commande', 'fr'],
    ['wo ist meine Bestellung', 'de'],
    ['ich möchte mein Geld zurück bitte', 'de'],
    ['I ordered a mug on Monday and it still has not arrived, can you check the status please?', 'en'],
  ];
  for (const [text, expected] of table) assert.equal(detectLanguage(text), expected, text);
});
