"""near-duplicate band keys of each submission, indexed (intake.similarity.band_keys)

Revision ID: 0005_duplicate_bands
Revises: 0004_blobs
Create Date: 2026-12-04
"""
from alembic import op
import sqlalchemy as sa


revision = '0005_duplicate_bands'
down_revision = '0004_blobs'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('submission_bands',
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('band', sa.Integer(), nullable=False),
    sa.Column('key', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('submission_id', 'band')
    )
    op.create_index('ix_submission_bands_key', 'submission_bands', ['key'], unique=False)
    _backfill()


def _backfill() -> None:
    """Band keys for the submissions already stored, from their stored drafts' text."""
    from intake.drafts import stored_body_text
    from intake.similarity import band_keys

    conn = op.get_bind()
    subs = sa.table('submissions', sa.column('id', sa.Integer), sa.column('draft', sa.JSON))
    bands = sa.table('submission_bands', sa.column('submission_id', sa.Integer), sa.column('band', sa.Integer),
                     sa.column('key', sa.BigInteger))
    last = 0
    while True:
        rows = conn.execute(sa.select(subs.c.id, subs.c.draft).where(subs.c.id > last)
                            .order_by(subs.c.id).limit(500)).all()
        if not rows:
            return
        values = [{"submission_id": sub_id, "band": band, "key": key}
                  for sub_id, draft in rows if draft
                  for band, key in enumerate(band_keys(stored_body_text(draft)))]
        if values:
            conn.execute(bands.insert(), values)
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_index('ix_submission_bands_key', table_name='submission_bands')
    op.drop_table('submission_bands')
