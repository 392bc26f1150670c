"""the editorial desk: accounts, sessions, login failures, assignments, revision drafts

Revision ID: 0006_desk
Revises: 0005_duplicate_bands
Create Date: 2026-12-04
"""
from alembic import op
import sqlalchemy as sa


revision = '0006_desk'
down_revision = '0005_duplicate_bands'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('assignments',
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('reviewer', sa.String(length=320), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('submission_id', 'reviewer')
    )
    op.create_index('ix_assignments_reviewer', 'assignments', ['reviewer'], unique=False)
    op.create_table('submission_revisions',
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.Column('draft', sa.JSON(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id']),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('submission_id', 'revision')
    )
    op.create_table('accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('address', sa.String(length=320), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=True),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('address')
    )
    op.create_table('desk_sessions',
    sa.Column('token_sha256', sa.String(length=64), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('csrf', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('token_sha256')
    )
    op.create_index('ix_desk_sessions_account_id', 'desk_sessions', ['account_id'], unique=False)
    op.create_table('login_failures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_login_failures_key_at', 'login_failures', ['key', 'created_at'], unique=False)
    _backfill()


def _backfill() -> None:
    """Assignments from the review requests already in the outbox; each submission's current draft
    as its current revision (earlier revisions' drafts were not kept before this migration)."""
    conn = op.get_bind()
    notices = sa.table('notices', sa.column('submission_id', sa.Integer), sa.column('kind', sa.String),
                       sa.column('recipients', sa.JSON), sa.column('created_at', sa.DateTime(timezone=True)))
    assignments = sa.table('assignments', sa.column('submission_id', sa.Integer), sa.column('reviewer', sa.String),
                           sa.column('created_at', sa.DateTime(timezone=True)))
    seen: set[tuple[int, str]] = set()
    rows = conn.execute(sa.select(notices.c.submission_id, notices.c.recipients, notices.c.created_at)
                        .where(notices.c.kind == 'review_request', notices.c.submission_id.is_not(None))).all()
    values = []
    for sub_id, recipients, created in rows:
        for reviewer in recipients or []:
            key = (sub_id, str(reviewer).lower())
            if key not in seen:
                seen.add(key)
                values.append({"submission_id": sub_id, "reviewer": key[1], "created_at": created})
    if values:
        conn.execute(assignments.insert(), values)
    subs = sa.table('submissions', sa.column('id', sa.Integer), sa.column('revision', sa.Integer),
                    sa.column('draft', sa.JSON), sa.column('updated_at', sa.DateTime(timezone=True)))
    revisions = sa.table('submission_revisions', sa.column('submission_id', sa.Integer),
                         sa.column('revision', sa.Integer), sa.column('draft', sa.JSON),
                         sa.column('created_at', sa.DateTime(timezone=True)))
    last = 0
    while True:
        batch = conn.execute(sa.select(subs.c.id, subs.c.revision, subs.c.draft, subs.c.updated_at)
                             .where(subs.c.id > last).order_by(subs.c.id).limit(500)).all()
        if not batch:
            return
        conn.execute(revisions.insert(), [{"submission_id": i, "revision": r, "draft": d, "created_at": at}
                                          for i, r, d, at in batch])
        last = batch[-1][0]


def downgrade() -> None:
    op.drop_index('ix_login_failures_key_at', table_name='login_failures')
    op.drop_table('login_failures')
    op.drop_index('ix_desk_sessions_account_id', table_name='desk_sessions')
    op.drop_table('desk_sessions')
    op.drop_table('accounts')
    op.drop_table('submission_revisions')
    op.drop_index('ix_assignments_reviewer', table_name='assignments')
    op.drop_table('assignments')
