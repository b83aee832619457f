package io.hallwatch.sla;

import io.hallwatch.events.AppointmentBooked;
import io.hallwatch.events.TimeOrderedIds;
import io.hallwatch.events.AppointmentCancelled;
import io.hallwatch.events.AppointmentCheckedIn;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.EventPayload;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceOutcome;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.ProducerWatermark;
import io.hallwatch.events.RemoteTicketTaken;
import io.hallwatch.events.TicketCancelled;
import io.hallwatch.events.TicketOrigin;
import io.hallwatch.events.Topics;
import io.hallwatch.sla.events.timeline.WatermarkFollower;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One branch as the queue- and counter-service would report it: each call puts the event a real
 * producer would publish on the real broker, stamped with the test clock's time. Every test
 * uses a hall of its own, so that tests never see each other's tickets.
 */
public final class Hall {
    private static KafkaProducer<String, byte[]> producer;

    public final String branch;
    private final MutableClock clock;
    private final Map<String, TicketIssued> issued = new HashMap<>();
    private final Map<String, Instant> started = new HashMap<>();
    private final Map<String, RemoteTicketTaken> remote = new HashMap<>();
    private final Map<String, AppointmentBooked> appointments = new HashMap<>();
    private int numbers;

    public Hall(String prefix, MutableClock clock) {
        this.branch = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.clock = clock;
    }

    public String issue(String businessType) {
        return issue(businessType, CustomerTier.NORMAL);
    }

    public String issue(String businessType, CustomerTier tier) {
        String ticket = TimeOrderedIds.next().toString();
        TicketIssued e = new TicketIssued(ticket, branch, String.format("A%03d", ++numbers), businessType, tier, clock.instant(), null);
        issued.put(ticket, e);
        publish(e);
        return ticket;
    }

    /** A ticket whose customer the queue told at issue that the wait would pass the limit ({@code estimate}). */
    public String issueBreachPredicted(String businessType, Duration estimate) {
        String ticket = TimeOrderedIds.next().toString();
        TicketIssued e = new TicketIssued(ticket, branch, String.format("A%03d", ++numbers), businessType, CustomerTier.NORMAL,
                clock.instant(), null, estimate.toSeconds(), true);
        issued.put(ticket, e);
        publish(e);
        return ticket;
    }

    /** A walk-in (issue 25): issued and called at {@code counter} in the same instant, both flagged. */
    public String walkIn(String businessType, String counter) {
        String ticket = TimeOrderedIds.next().toString();
        Instant now = clock.instant();
        TicketIssued e = new TicketIssued(ticket, branch, String.format("A%03d", ++numbers), businessType, CustomerTier.NORMAL, now,
                null, null, null, true);
        issued.put(ticket, e);
        publish(e);
        publish(new TicketCalled(ticket, branch, e.ticketNumber(), businessType, CustomerTier.NORMAL, now, now, counter,
                "clerk-" + counter, 0, null, null, true));
        return ticket;
    }

    /** A ticket taken remotely (issue 25 item 5): numbered, not in the queue until {@link #checkIn}, at most an hour. */
    public String takeRemote(String businessType) {
        String ticket = TimeOrderedIds.next().toString();
        Instant now = clock.instant();
        RemoteTicketTaken e = new RemoteTicketTaken(ticket, branch, String.format("R%03d", ++numbers), businessType,
                CustomerTier.NORMAL, now, now.plus(Duration.ofMinutes(60)));
        remote.put(ticket, e);
        publish(e);
        return ticket;
    }

    /** The remote ticket's customer checks in at the kiosk: the ticket joins the queue now (origin REMOTE). */
    public void checkIn(String ticket) {
        RemoteTicketTaken r = remote.get(ticket);
        TicketIssued e = new TicketIssued(ticket, branch, r.ticketNumber(), r.businessType(), r.customerTier(), clock.instant(), null,
                null, null, null, TicketOrigin.REMOTE, null);
        issued.put(ticket, e);
        publish(e);
    }

    /** Nobody checked the remote ticket in by its deadline: the queue cancels it, REMOTE_EXPIRED (never issued). */
    public CloudEvent<TicketCancelled> expire(String ticket) {
        RemoteTicketTaken r = remote.get(ticket);
        return publish(new TicketCancelled(ticket, branch, r.ticketNumber(), r.businessType(), r.customerTier(), clock.instant(),
                "REMOTE_EXPIRED"));
    }

    /** An appointment (issue 25 item 6) booked now for the half hour from {@code slotStart}; returns its id. */
    public String book(String businessType, Instant slotStart) {
        String appointment = UUID.randomUUID().toString();
        AppointmentBooked e = new AppointmentBooked(appointment, branch, businessType, slotStart, slotStart.plus(Duration.ofMinutes(30)),
                clock.instant(), null);
        appointments.put(appointment, e);
        publish(e);
        return appointment;
    }

    /**
     * The appointment's customer checks in now, as the queue reports it: the check-in, then the ticket joining the queue
     * (APPOINTMENT, waiting from the slot's start if early; LATE_APPOINTMENT from 10 minutes after it). Returns the ticket.
     */
    public String checkInAppointment(String appointment) {
        AppointmentBooked a = appointments.get(appointment);
        Instant now = clock.instant();
        boolean late = now.isAfter(a.slotStart().plus(Duration.ofMinutes(10)));
        String ticket = TimeOrderedIds.next().toString();
        String number = String.format("D%03d", ++numbers);
        publish(new AppointmentCheckedIn(appointment, branch, a.businessType(), a.slotStart(), now, ticket, number, late));
        TicketIssued e = new TicketIssued(ticket, branch, number, a.businessType(), CustomerTier.NORMAL, now, null, null, null, null,
                late ? TicketOrigin.LATE_APPOINTMENT : TicketOrigin.APPOINTMENT, late || !a.slotStart().isAfter(now) ? null : a.slotStart());
        issued.put(ticket, e);
        publish(e);
        return ticket;
    }

    /** The appointment ends without a check-in: CUSTOMER or NO_SHOW. */
    public CloudEvent<AppointmentCancelled> cancelAppointment(String appointment, String reason) {
        AppointmentBooked a = appointments.get(appointment);
        return publish(new AppointmentCancelled(appointment, branch, a.businessType(), a.slotStart(), clock.instant(), reason));
    }

    /** The visit goes back to the queue (issue 25): {@code statusAtPark} CALLED or SERVING, the wait kept {@code waited}. */
    public void park(String ticket, String counter, String statusAtPark, Duration waited) {
        TicketIssued i = issued.get(ticket);
        publish(new io.hallwatch.events.TicketParked(ticket, branch, i.ticketNumber(), i.businessType(), i.customerTier(),
                clock.instant(), io.hallwatch.events.ParkPosition.BACK, statusAtPark, counter, "clerk-" + counter, waited.toSeconds()));
    }

    /** The customer gave up the ticket (took the advice and went elsewhere, say). */
    public void cancel(String ticket) {
        TicketIssued i = issued.get(ticket);
        publish(new io.hallwatch.events.TicketCancelled(ticket, branch, i.ticketNumber(), i.businessType(), i.customerTier(),
                clock.instant(), "went to a nearby branch"));
    }

    public CloudEvent<TicketCalled> call(String ticket, String counter) {
        TicketIssued i = issued.get(ticket);
        Instant now = clock.instant();
        return publish(new TicketCalled(ticket, branch, i.ticketNumber(), i.businessType(), i.customerTier(), i.issuedAt(), now,
                counter, "clerk-" + counter, waitedSoFar(i, now)));
    }

    public void start(String ticket, String counter) {
        TicketIssued i = issued.get(ticket);
        started.put(ticket, clock.instant());
        publish(new ServiceStarted(ticket, branch, i.ticketNumber(), i.businessType(), i.customerTier(), counter, "clerk-" + counter,
                clock.instant()));
    }

    public void finish(String ticket, String counter) {
        TicketIssued i = issued.get(ticket);
        Instant s = started.get(ticket);
        publish(new ServiceFinished(ticket, branch, i.ticketNumber(), i.businessType(), i.customerTier(), counter, "clerk-" + counter,
                s, clock.instant(), Duration.between(s, clock.instant()).toSeconds(), ServiceOutcome.COMPLETED,
                List.of(i.businessType())));
    }

    /** The branch's service day ended with the ticket still waiting (or called): the queue closes it, BRANCH_CLOSED. */
    public CloudEvent<io.hallwatch.events.TicketClosed> close(String ticket, String statusAtClose) {
        TicketIssued i = issued.get(ticket);
        Instant now = clock.instant();
        return publish(new io.hallwatch.events.TicketClosed(ticket, branch, i.ticketNumber(), i.businessType(), i.customerTier(), now,
                io.hallwatch.events.TicketCloseReason.BRANCH_CLOSED, statusAtClose,
                java.time.LocalDate.ofInstant(i.issuedAt(), java.time.ZoneId.of("Asia/Shanghai"))));
    }

    /** The issue event as first published, to publish again. */
    public TicketIssued issuedEvent(String ticket) {
        return issued.get(ticket);
    }

    public <T extends EventPayload> CloudEvent<T> publish(T payload) {
        return publishAt(clock.instant(), payload);
    }

    /** Publishes an event that happened at {@code time}: one a stalled relay sends late. */
    public <T extends EventPayload> CloudEvent<T> publishAt(Instant time, T payload) {
        CloudEvent<T> event = CloudEvent.of(payload instanceof ServiceStarted || payload instanceof ServiceFinished
                ? "/hallwatch/counter-service" : "/hallwatch/queue-service", time, payload);
        send(event.topic(), EventCodec.toBytes(event));
        return event;
    }

    /** The call a clerk makes now, not yet published (a stalled relay holds it). */
    public TicketCalled callEvent(String ticket, String counter) {
        TicketIssued i = issued.get(ticket);
        Instant now = clock.instant();
        return new TicketCalled(ticket, branch, i.ticketNumber(), i.businessType(), i.customerTier(), i.issuedAt(), now,
                counter, "clerk-" + counter, waitedSoFar(i, now));
    }

    /** The call's waitSeconds as the queue gives it: from the wait clock start (an early appointment's slot), never negative. */
    private static long waitedSoFar(TicketIssued i, Instant now) {
        return Math.max(0, Duration.between(i.waitClockStart(), now).toSeconds());
    }

    /**
     * What the queue's and the counter's relays promise once everything they committed up to
     * {@code at} is on the topics: a watermark each, with the topics' end offsets now. Returns once
     * the monitor has taken both.
     */
    public static void promise(Instant at, WatermarkFollower follower) {
        promise(at, follower, QUEUE, COUNTER);
    }

    /** As {@link #promise(Instant, WatermarkFollower)}, from the producers named only ({@link #QUEUE}, {@link #COUNTER}). */
    public static void promise(Instant at, WatermarkFollower follower, String... producers) {
        long last = -1;
        for (String producer : producers) {
            String topic = QUEUE.equals(producer) ? Topics.TICKETS : Topics.SERVICES;
            CloudEvent<ProducerWatermark> mark = CloudEvent.of("/hallwatch/" + producer, at,
                    new ProducerWatermark(producer, topic, at, endOffsets(topic)));
            try {
                last = producer().send(new ProducerRecord<>(mark.topic(), mark.key(), EventCodec.toBytes(mark))).get(30, TimeUnit.SECONDS).offset();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Cannot promise " + topic, e);
            }
        }
        long sent = last;
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> follower.position() > sent);
    }

    public static final String QUEUE = "queue-service";
    public static final String COUNTER = "counter-service";

    private static List<Long> endOffsets(String topic) {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.bootstrapServers()), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition()))
                    .sorted(java.util.Comparator.comparingInt(TopicPartition::partition)).toList();
            Map<TopicPartition, Long> ends = c.endOffsets(partitions);
            return partitions.stream().map(ends::get).toList();
        }
    }

    /** Sends raw bytes keyed by this branch, so they land on the branch's partition. */
    public void send(String topic, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(topic, branch, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot produce to " + topic, e);
        }
    }

    /** Many records at once, acknowledged together (to build a backlog quickly). */
    public void sendMany(String topic, byte[] value, int count) {
        var acks = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int i = 0; i < count; i++) {
            acks.add(producer().send(new ProducerRecord<>(topic, branch, value)));
        }
        for (var ack : acks) {
            try {
                ack.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Cannot produce to " + topic, e);
            }
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                    new StringSerializer(), new ByteArraySerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "hall-producer-close"));
        }
        return producer;
    }
}
