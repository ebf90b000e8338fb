import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 360 / 多面評価 of bosses (DOMAIN.md §6). Who has answered (review360_participation) and what was
 * answered (review360_response, review360_comment) live in separate tables with nothing in common
 * but the cycle, the person rated and the relationship: no rater, account or employee of the rater,
 * no timestamp, no sequence. Responses are rewritten in random order when a cycle closes, so
 * xmin and physical order no longer follow the order of submission (docs/reviews360.md).
 */
export class Reviews3601795420000000 implements MigrationInterface {
  name = 'Reviews3601795420000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE review360_cycle (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        fiscal_year integer NOT NULL,
        name text NOT NULL,
        status text NOT NULL DEFAULT 'draft',
        reference_date date NOT NULL,
        exclude_hired_months integer NOT NULL DEFAULT 3,
        include_indirect boolean NOT NULL DEFAULT false,
        include_peers boolean NOT NULL DEFAULT false,
        min_subordinate_scores integer NOT NULL DEFAULT 3,
        min_subordinate_comments integer NOT NULL DEFAULT 5,
        min_peer_scores integer NOT NULL DEFAULT 3,
        min_peer_comments integer NOT NULL DEFAULT 5,
        launched_at timestamptz,
        closed_at timestamptz,
        released_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_review360_cycle_fy UNIQUE (organization_id, fiscal_year),
        CONSTRAINT uq_review360_cycle_tenant_id UNIQUE (organization_id, id),
        CONSTRAINT ck_review360_cycle_status CHECK (status IN ('draft', 'launched', 'closed', 'released')),
        CONSTRAINT ck_review360_cycle_exclude CHECK (exclude_hired_months BETWEEN 0 AND 24),
        CONSTRAINT ck_review360_cycle_min_scores CHECK (min_subordinate_scores >= 3 AND min_peer_scores >= 3),
        CONSTRAINT ck_review360_cycle_min_comments CHECK (
          min_subordinate_comments >= min_subordinate_scores AND min_peer_comments >= min_peer_scores)
      );

      -- Thresholds are fixed at launch: afterwards they may only be raised, whatever writes the row.
      CREATE FUNCTION review360_cycle_thresholds_only_raised() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'draft' AND (
             NEW.min_subordinate_scores < OLD.min_subordinate_scores
          OR NEW.min_subordinate_comments < OLD.min_subordinate_comments
          OR NEW.min_peer_scores < OLD.min_peer_scores
          OR NEW.min_peer_comments < OLD.min_peer_comments) THEN
          RAISE EXCEPTION 'review360 thresholds may only be raised after launch' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER tr_review360_cycle_thresholds BEFORE UPDATE ON review360_cycle
        FOR EACH ROW EXECUTE FUNCTION review360_cycle_thresholds_only_raised();

      CREATE TABLE review360_category (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        cycle_id uuid NOT NULL,
        code text NOT NULL,
        name_ja text NOT NULL,
        name_en text NOT NULL,
        sort_order integer NOT NULL,
        CONSTRAINT uq_review360_category_code UNIQUE (cycle_id, code),
        CONSTRAINT uq_review360_category_tenant_id UNIQUE (organization_id, id),
        CONSTRAINT fk_review360_category_cycle FOREIGN KEY (organization_id, cycle_id)
          REFERENCES review360_cycle (organization_id, id) ON DELETE CASCADE
      );

      CREATE TABLE review360_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        cycle_id uuid NOT NULL,
        category_id uuid NOT NULL,
        kind text NOT NULL,
        text_ja text NOT NULL,
        text_en text NOT NULL,
        source text,
        sort_order integer NOT NULL,
        CONSTRAINT uq_review360_item_tenant_id UNIQUE (organization_id, id),
        CONSTRAINT fk_review360_item_cycle FOREIGN KEY (organization_id, cycle_id)
          REFERENCES review360_cycle (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_review360_item_category FOREIGN KEY (organization_id, category_id)
          REFERENCES review360_category (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT ck_review360_item_kind CHECK (kind IN ('rating', 'text'))
      );
      CREATE INDEX ix_review360_item_cycle ON review360_item (cycle_id, sort_order);

      -- Who is asked to rate whom. Generated from the reporting line; HR may adjust it before launch.
      CREATE TABLE review360_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        cycle_id uuid NOT NULL,
        ratee_id uuid NOT NULL,
        rater_id uuid NOT NULL,
        relationship text NOT NULL,
        CONSTRAINT uq_review360_assignment UNIQUE (cycle_id, ratee_id, rater_id),
        CONSTRAINT uq_review360_assignment_tenant_id UNIQUE (organization_id, id),
        CONSTRAINT fk_review360_assignment_cycle FOREIGN KEY (organization_id, cycle_id)
          REFERENCES review360_cycle (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_review360_assignment_ratee FOREIGN KEY (organization_id, ratee_id)
          REFERENCES employee (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_review360_assignment_rater FOREIGN KEY (organization_id, rater_id)
          REFERENCES employee (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT ck_review360_assignment_relationship CHECK (relationship IN ('self', 'supervisor', 'subordinate', 'peer')),
        CONSTRAINT ck_review360_assignment_self CHECK ((relationship = 'self') = (rater_id = ratee_id))
      );
      CREATE INDEX ix_review360_assignment_rater ON review360_assignment (rater_id, cycle_id);
      CREATE INDEX ix_review360_assignment_ratee ON review360_assignment (cycle_id, ratee_id);

      -- Who has answered: one row per assignment, so a second submission is refused by the key.
      -- Nothing here points at a response.
      CREATE TABLE review360_participation (
        organization_id uuid NOT NULL,
        cycle_id uuid NOT NULL,
        assignment_id uuid NOT NULL,
        CONSTRAINT pk_review360_participation PRIMARY KEY (assignment_id),
        CONSTRAINT fk_review360_participation_assignment FOREIGN KEY (organization_id, assignment_id)
          REFERENCES review360_assignment (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_review360_participation_cycle FOREIGN KEY (organization_id, cycle_id)
          REFERENCES review360_cycle (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX ix_review360_participation_cycle ON review360_participation (cycle_id);

      -- What was answered, with no rater, no time and a random key. scores maps item id → 1..5;
      -- an item rated 評価できない is absent.
      CREATE TABLE review360_response (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        cycle_id uuid NOT NULL,
        ratee_id uuid NOT NULL,
        relationship text NOT NULL,
        scores jsonb NOT NULL,
        CONSTRAINT fk_review360_response_cycle FOREIGN KEY (organization_id, cycle_id)
          REFERENCES review360_cycle (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_review360_response_ratee FOREIGN KEY (organization_id, ratee_id)
          REFERENCES employee (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT ck_review360_response_relationship CHECK (relationship IN ('self', 'supervisor', 'subordinate', 'peer')),
        CONSTRAINT ck_review360_response_scores CHECK (jsonb_typeof(scores) = 'object')
      );
      CREATE INDEX ix_review360_response_ratee ON review360_response (cycle_id, ratee_id, relationship);

      -- Free text, split from the scores: a comment cannot even be joined to the response it came with.
      CREATE TABLE review360_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        cycle_id uuid NOT NULL,
        ratee_id uuid NOT NULL,
        relationship text NOT NULL,
        item_id uuid NOT NULL,
        body text NOT NULL,
        CONSTRAINT fk_review360_comment_cycle FOREIGN KEY (organization_id, cycle_id)
          REFERENCES review360_cycle (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_review360_comment_ratee FOREIGN KEY (organization_id, ratee_id)
          REFERENCES employee (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_review360_comment_item FOREIGN KEY (organization_id, item_id)
          REFERENCES review360_item (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT ck_review360_comment_relationship CHECK (relationship IN ('self', 'supervisor', 'subordinate', 'peer')),
        CONSTRAINT ck_review360_comment_length CHECK (char_length(body) BETWEEN 1 AND 2000)
      );
      CREATE INDEX ix_review360_comment_ratee ON review360_comment (cycle_id, ratee_id, relationship);
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE review360_comment;
      DROP TABLE review360_response;
      DROP TABLE review360_participation;
      DROP TABLE review360_assignment;
      DROP TABLE review360_item;
      DROP TABLE review360_category;
      DROP TABLE review360_cycle;
      DROP FUNCTION review360_cycle_thresholds_only_raised();
    `);
  }
}
