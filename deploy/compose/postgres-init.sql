-- Run once by the postgres container on first start: one database per service.
CREATE DATABASE hallwatch_queue;
CREATE DATABASE hallwatch_counter;
CREATE DATABASE hallwatch_sla;
CREATE DATABASE hallwatch_marketing;
