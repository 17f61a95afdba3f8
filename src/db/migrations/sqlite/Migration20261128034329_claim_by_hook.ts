import { Migration } from '@mikro-orm/migrations';

export class Migration20261128034329_claim_by_hook extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index \`deliveries_hook_id_next_attempt_at_index\` on \`deliveries\` (\`hook_id\`, \`next_attempt_at\`);`);
  }

}
