package io.hallwatch.web.domain.gateway;

/** The four services the gateway forwards to. */
public enum Upstream { QUEUE, COUNTER, SLA, MARKETING }
