package io.hallwatch.marketing.support;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.EventPayload;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceOutcome;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.SlaRule;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.TimeOrderedIds;
import io.hallwatch.testsupport.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/** Puts on the real broker the events the queue, counter and SLA services would publish. */
public final class Events {
    private Events() {
    }

    public static <T extends EventPayload> CloudEvent<T> produce(String source, Instant at, T payload) {
        CloudEvent<T> event = CloudEvent.of(source, at, payload);
        KafkaTestClient.produce(event.topic(), event.key(), EventCodec.toBytes(event));
        return event;
    }

    /** Time-ordered, as the queue-service makes them: marketing keeps a ticket's rows in its id's day. */
    public static String ticketId() {
        return TimeOrderedIds.next().toString();
    }

    public static void issued(String branch, String ticket, String number, String businessType, Instant at, String customerRef) {
        produce("/hallwatch/queue-service", at,
                new TicketIssued(ticket, branch, number, businessType, CustomerTier.NORMAL, at, customerRef));
    }

    public static void called(String branch, String ticket, String number, String businessType, Instant issuedAt,
                              Instant at, String counter) {
        produce("/hallwatch/queue-service", at, new TicketCalled(ticket, branch, number, businessType, CustomerTier.NORMAL,
                issuedAt, at, counter, "clerk-" + counter, Duration.between(issuedAt, at).toSeconds()));
    }

    public static void started(String branch, String ticket, String number, String businessType, String counter, Instant at) {
        produce("/hallwatch/counter-service", at, new ServiceStarted(ticket, branch, number, businessType,
                CustomerTier.NORMAL, counter, "clerk-" + counter, at));
    }

    public static void finished(String branch, String ticket, String number, String businessType, String counter,
                                Instant startedAt, Instant at) {
        produce("/hallwatch/counter-service", at, new ServiceFinished(ticket, branch, number, businessType,
                CustomerTier.NORMAL, counter, "clerk-" + counter, startedAt, at, Duration.between(startedAt, at).toSeconds(),
                ServiceOutcome.COMPLETED, List.of(businessType)));
    }

    public static void waitBreached(String branch, String ticket, String number, String businessType, Instant issuedAt,
                                    Instant at) {
        produce("/hallwatch/sla-monitor-service", at, new SlaBreached(UUID.randomUUID().toString(), branch, ticket, number,
                businessType, CustomerTier.NORMAL, SlaRule.WAIT, 900, Duration.between(issuedAt, at).toSeconds(),
                issuedAt, issuedAt.plusSeconds(900), at, false, null, null));
    }

    /** Reads {@code topic} until a record of {@code branch} decodes to an event that matches. */
    public static List<CloudEvent<?>> awaitOn(String topic, String branch, Predicate<List<CloudEvent<?>>> done) {
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readUntil(topic, Duration.ofSeconds(30),
                rs -> done.test(decode(rs, branch)));
        return decode(records, branch);
    }

    private static List<CloudEvent<?>> decode(List<ConsumerRecord<String, byte[]>> records, String branch) {
        return records.stream().filter(r -> branch.equals(r.key())).<CloudEvent<?>>map(r -> EventCodec.fromBytes(r.value())).toList();
    }
}
