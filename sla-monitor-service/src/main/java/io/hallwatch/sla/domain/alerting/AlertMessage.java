package io.hallwatch.sla.domain.alerting;

/**
 * What a person is told: a short title and a markdown text (WeCom, DingTalk, webhook), and for
 * SMS the template parameters (the gateway's pre-approved template renders them). No phone
 * number is ever part of a message.
 */
public record AlertMessage(String alertId, String branchId, String title, String markdown, java.util.List<String> smsParams) {
}
