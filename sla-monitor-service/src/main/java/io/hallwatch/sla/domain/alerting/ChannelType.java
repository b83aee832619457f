package io.hallwatch.sla.domain.alerting;

/** The ways to reach a person. */
public enum ChannelType {
    SMS, WECOM, DINGTALK, WEBHOOK
}
