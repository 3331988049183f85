import * as assert from 'node:assert/strict';
import { draftToInput, validateContent, validateDraft, validateName, validateTtl } from '../../src/model/dnsRecordRules';

describe('DNS record rules (checked before anything is sent)', () => {
  const ok = (type: string, content: string) => assert.equal(validateContent(type, content), undefined, `${type} ${content}`);
  const bad = (type: string, content: string) => assert.notEqual(validateContent(type, content), undefined, `${type} ${content}`);

  it('A and AAAA take addresses of their family', () => {
    ok('A', '203.0.113.10');
    bad('A', '203.0.113.300');
    bad('A', '2001:db8::1');
    ok('AAAA', '2001:db8::1');
    bad('AAAA', '203.0.113.10');
  });

  it('CNAME, NS and MX take host names', () => {
    ok('CNAME', 'target.example.com');
    ok('NS', 'ns1.example.net.');
    bad('CNAME', 'not a host');
    bad('MX', '-bad.example.com');
  });

  it('SRV takes weight, port and target', () => {
    ok('SRV', '5 5060 sip.example.com');
    ok('SRV', '0 0 .'.replace('0 0', '0 1'));
    bad('SRV', '5 70000 sip.example.com');
    bad('SRV', '5 5060');
  });

  it('TXT quoting: unquoted short text, or complete quoted strings of at most 255 characters', () => {
    ok('TXT', 'v=spf1 -all');
    ok('TXT', '"v=DKIM1; k=rsa; p=AAAA" "BBBB"');
    bad('TXT', '"unterminated');
    bad('TXT', 'has "quote" inside');
    bad('TXT', 'x'.repeat(300));
    bad('TXT', `"${'y'.repeat(256)}"`);
    ok('TXT', `"${'y'.repeat(255)}" "${'z'.repeat(40)}"`);
  });

  it('names: @, wildcard, underscore labels', () => {
    for (const name of ['@', 'www', '*.apps', '_sip._tcp', 'a.b.c']) assert.equal(validateName(name), undefined, name);
    for (const name of ['', 'bad name', 'a..b', '*foo']) assert.notEqual(validateName(name), undefined, name);
  });

  it('MX and SRV need a priority; TTL is a positive integer or empty', () => {
    assert.ok(validateDraft({ type: 'MX', name: '@', content: 'mail.example.com', priority: '', ttl: '' }).priority);
    assert.deepEqual(validateDraft({ type: 'MX', name: '@', content: 'mail.example.com', priority: '10', ttl: '300' }), {});
    assert.equal(validateTtl('0') !== undefined, true);
    assert.equal(validateTtl('-5') !== undefined, true);
    assert.equal(validateTtl('3600'), undefined);
  });

  it('turns a valid draft into the API input', () => {
    assert.deepEqual(draftToInput({ type: 'SRV', name: '_sip._tcp', content: ' 5 5060 sip.example.com ', priority: '10', ttl: '' }), {
      type: 'SRV',
      name: '_sip._tcp',
      content: '5 5060 sip.example.com',
      priority: 10,
      ttl: undefined,
    });
  });
});
