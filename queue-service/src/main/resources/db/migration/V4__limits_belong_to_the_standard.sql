-- The handling limits were a copy of the service standard kept by the catalogue. The standard has
-- one owner (the sla-monitor-service) and reaches this service on hallwatch.standard.v1; the
-- catalogue keeps what a kiosk shows: prefix and names.
ALTER TABLE business_type DROP COLUMN handling_limit_seconds;
ALTER TABLE business_type DROP COLUMN limit_from_standard;
