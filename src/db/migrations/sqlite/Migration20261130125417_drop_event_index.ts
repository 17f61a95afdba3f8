import { Migration } from '@mikro-orm/migrations';

export class Migration20261130125417_drop_event_index extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index \`deliveries_event_id_index\`;`);
  }

}
