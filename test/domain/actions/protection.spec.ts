import assert from 'node:assert/strict';
import { nameMatches, type ProtectionPolicy, protectionReason } from '../../../src/domain/actions/protection';

const NO_POLICY: ProtectionPolicy = { tags: [], namePatterns: [] };

describe('protection', () => {
  describe('nameMatches', () => {
    it('should match a pattern on the host name of a DNS name', () => {
      assert.equal(nameMatches('dc*', 'dc01.contoso.com'), true);
      assert.equal(nameMatches('dc01', 'dc01.contoso.com'), true);
    });

    it('should match a pattern on the whole DNS name', () => {
      assert.equal(nameMatches('*.contoso.com', 'dc01.contoso.com'), true);
      assert.equal(nameMatches('dc01.contoso.com', 'dc01.contoso.com'), true);
    });

    it('should match a bare host name', () => {
      assert.equal(nameMatches('dc*', 'dc01'), true);
    });

    it('should anchor the pattern at both ends', () => {
      assert.equal(nameMatches('dc', 'dc01.contoso.com'), false);
      assert.equal(nameMatches('c01', 'dc01.contoso.com'), false);
      assert.equal(nameMatches('dc01.contoso', 'dc01.contoso.com'), false);
      assert.equal(nameMatches('dc*', 'ws-dc01.contoso.com'), false);
    });

    it('should compare without regard to case', () => {
      assert.equal(nameMatches('DC*', 'dc01.contoso.com'), true);
      assert.equal(nameMatches('dc*', 'DC01.CONTOSO.COM'), true);
    });

    it('should take ? as exactly one character', () => {
      assert.equal(nameMatches('dc0?', 'dc01.contoso.com'), true);
      assert.equal(nameMatches('dc?', 'dc01.contoso.com'), false);
      assert.equal(nameMatches('dc???', 'dc01.contoso.com'), false);
    });

    it('should take * as any run, empty included', () => {
      assert.equal(nameMatches('dc*01', 'dc01.contoso.com'), true);
      assert.equal(nameMatches('*', 'anything.contoso.com'), true);
      assert.equal(nameMatches('sql-*-prod', 'sql-eu-west-prod.contoso.com'), true);
    });

    it('should treat a dot literally, not as any character', () => {
      assert.equal(nameMatches('dc01.contoso.com', 'dc01xcontoso.com'), false);
      assert.equal(nameMatches('dc.1', 'dcx1'), false);
      assert.equal(nameMatches('dc.1', 'dc.1'), true);
    });

    it('should treat other regular expression characters literally', () => {
      assert.equal(nameMatches('a+b', 'aab'), false);
      assert.equal(nameMatches('a+b', 'a+b'), true);
      assert.equal(nameMatches('srv[12]', 'srv1'), false);
      assert.equal(nameMatches('srv[12]', 'srv[12]'), true);
      assert.equal(nameMatches('(dc|sql)', 'dc'), false);
      assert.equal(nameMatches('(dc|sql)', '(dc|sql)'), true);
      assert.equal(nameMatches('a{2}', 'aa'), false);
      assert.equal(nameMatches('a{2}', 'a{2}'), true);
      assert.equal(nameMatches('^dc$', 'dc'), false);
      assert.equal(nameMatches('^dc$', '^dc$'), true);
      assert.equal(nameMatches('a\\d', 'a1'), false);
      assert.equal(nameMatches('a\\d', 'a\\d'), true);
    });

    it('should not throw on a pattern that would be an invalid regular expression', () => {
      assert.equal(nameMatches('dc(', 'dc01'), false);
      assert.equal(nameMatches('[', '['), true);
      assert.equal(nameMatches('*)', 'x)'), true);
    });

    it('should never match with an empty or blank pattern', () => {
      assert.equal(nameMatches('', ''), false);
      assert.equal(nameMatches('', 'dc01.contoso.com'), false);
      assert.equal(nameMatches('   ', 'dc01.contoso.com'), false);
      assert.equal(nameMatches('   ', '   '), false);
    });

    it('should ignore blanks around a pattern', () => {
      assert.equal(nameMatches('  dc*  ', 'dc01.contoso.com'), true);
    });
  });

  describe('protectionReason', () => {
    it('should protect a machine by tag and say which tag', () => {
      assert.equal(
        protectionReason(
          { name: 'dc01.contoso.com', tags: ['finance', 'tier0'] },
          { tags: ['tier0'], namePatterns: [] },
        ),
        'dc01.contoso.com is protected (tag tier0)',
      );
    });

    it('should compare tags without regard to case, naming the machine own tag', () => {
      assert.equal(
        protectionReason(
          { name: 'dc01.contoso.com', tags: ['Tier0'] },
          { tags: ['TIER0'], namePatterns: [] },
        ),
        'dc01.contoso.com is protected (tag Tier0)',
      );
    });

    it('should ignore blanks around policy and machine tags', () => {
      assert.ok(protectionReason({ name: 'dc01', tags: [' tier0'] }, { tags: ['tier0 '], namePatterns: [] }));
    });

    it('should not match a tag on part of it', () => {
      assert.equal(
        protectionReason({ name: 'ws', tags: ['tier01'] }, { tags: ['tier0'], namePatterns: [] }),
        undefined,
      );
      assert.equal(
        protectionReason({ name: 'ws', tags: ['tier0'] }, { tags: ['tier01'], namePatterns: [] }),
        undefined,
      );
    });

    it('should never protect a machine by a blank policy tag', () => {
      assert.equal(protectionReason({ name: 'ws', tags: [''] }, { tags: [''], namePatterns: [] }), undefined);
      assert.equal(
        protectionReason({ name: 'ws', tags: ['  '] }, { tags: [' '], namePatterns: [] }),
        undefined,
      );
    });

    it('should protect a machine by name pattern on its host name and say which pattern', () => {
      assert.equal(
        protectionReason({ name: 'dc01.contoso.com', tags: [] }, { tags: [], namePatterns: ['sql*', 'dc*'] }),
        'dc01.contoso.com is protected (name matches dc*)',
      );
    });

    it('should protect a machine by name pattern on its DNS name', () => {
      assert.equal(
        protectionReason(
          { name: 'ws-042.tier0.contoso.com', tags: [] },
          { tags: [], namePatterns: ['*.tier0.*'] },
        ),
        'ws-042.tier0.contoso.com is protected (name matches *.tier0.*)',
      );
    });

    it('should name a pattern without its surrounding blanks', () => {
      assert.equal(
        protectionReason({ name: 'dc01', tags: [] }, { tags: [], namePatterns: ['  dc*  '] }),
        'dc01 is protected (name matches dc*)',
      );
    });

    it('should give the tag first when both a tag and a pattern match', () => {
      assert.equal(
        protectionReason(
          { name: 'dc01.contoso.com', tags: ['tier0'] },
          { tags: ['tier0'], namePatterns: ['dc*'] },
        ),
        'dc01.contoso.com is protected (tag tier0)',
      );
    });

    it('should not protect a machine nothing matches', () => {
      assert.equal(
        protectionReason(
          { name: 'ws-042.contoso.com', tags: ['finance', 'tier1'] },
          { tags: ['tier0'], namePatterns: ['dc*', 'sql-*'] },
        ),
        undefined,
      );
    });

    it('should not protect anything under an empty policy or with blank patterns', () => {
      assert.equal(protectionReason({ name: 'dc01.contoso.com', tags: ['tier0'] }, NO_POLICY), undefined);
      assert.equal(
        protectionReason({ name: 'dc01.contoso.com', tags: [] }, { tags: [], namePatterns: ['', '  '] }),
        undefined,
      );
    });

    it('should not protect by a pattern whose metacharacters would match as a regular expression', () => {
      assert.equal(
        protectionReason({ name: 'dcx01.contoso.com', tags: [] }, { tags: [], namePatterns: ['dc.01'] }),
        undefined,
      );
    });
  });
});
