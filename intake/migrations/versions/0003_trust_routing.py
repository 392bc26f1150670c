"""submission addresses (From, Reply-To, answered automatically) and an index for event counts

Revision ID: 0003_trust_routing
Revises: 0002
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_trust_routing'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('submissions') as batch:
        batch.add_column(sa.Column('sender_addr', sa.String(length=320), nullable=False, server_default=''))
        batch.add_column(sa.Column('reply_to_addr', sa.String(length=320), nullable=True))
        batch.add_column(sa.Column('auto_answer', sa.Boolean(), nullable=False, server_default=sa.true()))
        batch.create_index('ix_submissions_sender_addr', ['sender_addr'])
        batch.create_index('ix_submissions_reply_to_addr', ['reply_to_addr'])
    op.execute("UPDATE submissions SET sender_addr = contributor_addr")
    op.create_index('ix_events_kind_at', 'events', ['kind', 'created_at'])


def downgrade() -> None:
    op.drop_index('ix_events_kind_at', table_name='events')
    with op.batch_alter_table('submissions') as batch:
        batch.drop_index('ix_submissions_reply_to_addr')
        batch.drop_index('ix_submissions_sender_addr')
        batch.drop_column('auto_answer')
        batch.drop_column('reply_to_addr')
        batch.drop_column('sender_addr')
