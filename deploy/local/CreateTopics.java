import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the platform's topics where missing, in one JVM (kafka-topics would start one per topic).
 * Run by ./hallwatch as a single-file program:
 *   java -cp '.hallwatch/kafka/libs/*' deploy/local/CreateTopics.java <bootstrap> <partitions> <topic>...
 * A topic written {@code name:compact} is a compacted state topic: one partition, cleanup.policy=compact;
 * {@code name:compact-expiring} also drops records older than an hour (the producers' watermarks), as
 * common's TopicInitializer creates them.
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int partitions = Integer.parseInt(args[1]);
        List<String> topics = Arrays.asList(args).subList(2, args.length);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            for (String arg : topics) {
                int colon = arg.indexOf(':');
                String topic = colon < 0 ? arg : arg.substring(0, colon);
                String kind = colon < 0 ? "" : arg.substring(colon + 1);
                if (existing.contains(topic)) {
                    continue;
                }
                NewTopic newTopic = switch (kind) {
                    case "compact" -> new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"));
                    case "compact-expiring" -> new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact,delete",
                            "retention.ms", "3600000", "segment.ms", "600000"));
                    case "" -> new NewTopic(topic, partitions, (short) 1);
                    default -> throw new IllegalArgumentException("unknown topic kind " + kind + " in " + arg);
                };
                try {
                    admin.createTopics(List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
                    System.out.println("created topic " + topic);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }
}
