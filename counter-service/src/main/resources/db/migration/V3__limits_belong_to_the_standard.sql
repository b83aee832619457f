-- The counter kept its own copy of the service standard's handling limits. The standard has one owner
-- (the sla-monitor-service) and reaches this service on hallwatch.standard.v1.
DROP TABLE handling_limit;
