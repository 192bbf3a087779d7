/**
 * The write-rule attacks of write-rules.test.ts that matter across instances, on two server
 * processes sharing the real PostgreSQL and Redis: the attacker uses instance A, the witnesses and
 * the observer sit on instance B. A refused update is refused on A and never visible on B, and
 * neither instance stops.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { startScaleOutCluster, type Cluster } from '../helpers/instances';
import { assertServicesReachable, databaseUrl, redisUrl } from '../helpers/services';
import { defineHonestAttacks, defineObserverAttack, defineStructuralAttacks } from '../helpers/writeRuleAttacks';

describe.skipIf(!databaseUrl || !redisUrl)('check before apply, two instances on PostgreSQL and Redis', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    await assertServicesReachable();
    cluster = await startScaleOutCluster({ databaseUrl: databaseUrl!, redisUrl: redisUrl! }, { MAX_TEXT_CHARS: '500' });
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  describe('an entry without val while an observer watches on the other instance', () => defineObserverAttack(() => cluster));
  describe('structural writes, then the board reopens', () => defineStructuralAttacks(() => cluster));
  describe('honest rules: agreed notes, host flags, the template, bulk deletes', () => defineHonestAttacks(() => cluster));
});
