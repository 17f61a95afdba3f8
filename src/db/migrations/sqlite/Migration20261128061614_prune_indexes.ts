import { Migration } from '@mikro-orm/migrations';

export class Migration20261128061614_prune_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index \`deliveries_next_attempt_at_index\`;`);
    this.addSql(`drop index \`deliveries_hook_id_index\`;`);

    this.addSql(`drop index \`delivery_attempts_delivery_id_index\`;`);
  }

}
