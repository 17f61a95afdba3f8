import { Migration } from '@mikro-orm/migrations';

export class Migration20261128061614_prune_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "deliveries_next_attempt_at_index";`);
  }

  override async down(): Promise<void> {
    this.addSql(`create index "deliveries_next_attempt_at_index" on "deliveries" ("next_attempt_at");`);
  }

}
