"""blobs in the database (INTAKE_BLOB_URL=database:): one row per blob, its bytes in 1 MiB chunks

Revision ID: 0004_blobs
Revises: 0003_trust_routing
Create Date: 2026-12-10
"""
from alembic import op
import sqlalchemy as sa


revision = '0004_blobs'
down_revision = '0003_trust_routing'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('blobs',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size_bytes', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('sha256')
    )
    op.create_table('blob_chunks',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['sha256'], ['blobs.sha256'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('sha256', 'seq')
    )


def downgrade() -> None:
    op.drop_table('blob_chunks')
    op.drop_table('blobs')
