-- Who each offer is for (eligibility), how hard marketing pushes it (priority), and the demo step
-- of the quiet-hall pitch; then the customer profiles the CRM import fills.

ALTER TABLE offer
    ADD COLUMN demo_step                 TEXT,
    ADD COLUMN priority                  INT     NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 50),
    ADD COLUMN min_data_usage_pct        INT     CHECK (min_data_usage_pct >= 0),
    ADD COLUMN broadband                 TEXT    NOT NULL DEFAULT 'ANY' CHECK (broadband IN ('ANY', 'WITH', 'WITHOUT')),
    ADD COLUMN group_members_only        BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN min_spend_band            TEXT    CHECK (min_spend_band IN ('LOW', 'MEDIUM', 'HIGH', 'PREMIUM')),
    ADD COLUMN contract_ends_within_days INT     CHECK (contract_ends_within_days >= 0),
    ADD COLUMN updated_at                TIMESTAMPTZ NOT NULL DEFAULT now();

UPDATE offer SET min_data_usage_pct = 80, priority = 10,
    demo_step = '在客户手机上打开营业厅App，演示查询本月剩余流量和办理入口。' WHERE code = 'DATA-10G';
UPDATE offer SET demo_step = '给客户手机发送一条测试彩信，确认能正常接收。' WHERE code = 'MMS-PACK';
UPDATE offer SET demo_step = '用台席电脑播放两首热门彩铃试听。' WHERE code = 'CRBT';
UPDATE offer SET demo_step = '展示今天早间版手机报的样刊。' WHERE code = 'MOBILE-NEWS';
UPDATE offer SET demo_step = '在客户手机上开通139邮箱并发送一封测试邮件，展示短信提醒。' WHERE code = 'MAIL-139';
UPDATE offer SET min_spend_band = 'MEDIUM',
    demo_step = '在演示机上播放一段热门剧集，展示定向流量不计入套餐。' WHERE code = 'MOBILE-VIDEO';
UPDATE offer SET broadband = 'WITHOUT', priority = 5,
    demo_step = '在系统中查询客户住址的宽带覆盖情况，并展示合账后的月费对比。' WHERE code = 'BROADBAND-100M';
UPDATE offer SET broadband = 'WITH',
    demo_step = '展示固话与手机互拨优惠的资费表。' WHERE code = 'FIXED-LINE';
UPDATE offer SET group_members_only = true, priority = 5,
    demo_step = '查询客户单位的V网，展示短号互拨。' WHERE code = 'GROUP-VNET';
UPDATE offer SET group_members_only = true,
    demo_step = '在电脑上演示企信通群发一条会员通知。' WHERE code = 'ENTERPRISE-SMS';
UPDATE offer SET group_members_only = true,
    demo_step = '展示物联网卡行业套餐和统一管理平台。' WHERE code = 'M2M';

-- Customer profiles keyed by the CRM's opaque reference. No phone number, name or address, by
-- design: the import refuses them, and there is no column to put them in.
CREATE TABLE customer_profile (
    customer_ref      TEXT PRIMARY KEY CHECK (customer_ref ~ '^[A-Za-z0-9._:-]{1,64}$' AND customer_ref !~ '^\+?[0-9]{7,15}$'),
    current_plan      TEXT,
    spend_band        TEXT CHECK (spend_band IN ('LOW', 'MEDIUM', 'HIGH', 'PREMIUM')),
    data_used_mb      BIGINT CHECK (data_used_mb >= 0),
    data_allowance_mb BIGINT CHECK (data_allowance_mb >= 0),
    has_broadband     BOOLEAN NOT NULL DEFAULT false,
    contract_end      DATE,
    group_ref         TEXT,
    marketing_opt_out BOOLEAN NOT NULL DEFAULT false,
    imported_at       TIMESTAMPTZ NOT NULL
);

-- Every marketing contact with a customer: those the CRM reports (source CRM, replaced at each
-- import) and those recorded here (counter outcomes, follow-ups, campaigns). The contact cap and
-- past declines are read from it.
CREATE TABLE customer_contact (
    id           BIGSERIAL PRIMARY KEY,
    customer_ref TEXT        NOT NULL,
    contacted_at TIMESTAMPTZ NOT NULL,
    offer_code   TEXT,
    result       TEXT CHECK (result IN ('ACCEPTED', 'DECLINED', 'INTERESTED')),
    source       TEXT        NOT NULL CHECK (source IN ('CRM', 'COUNTER', 'FOLLOW_UP', 'CAMPAIGN'))
);
CREATE INDEX customer_contact_customer ON customer_contact (customer_ref, contacted_at);
