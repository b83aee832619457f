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
 * A topic written {@code name:compact} is a compacted state topic: one partition, cleanup.policy=compact
 * (as common's TopicInitializer creates it).
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int partitions = Integer.parseInt(args[1]);
        List<String> topics = Arrays.asList(args).subList(2, args.length);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            for (String arg : topics) {
                boolean compacted = arg.endsWith(":compact");
                String topic = compacted ? arg.substring(0, arg.length() - ":compact".length()) : arg;
                if (existing.contains(topic)) {
                    continue;
                }
                NewTopic newTopic = compacted
                        ? new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))
                        : new NewTopic(topic, partitions, (short) 1);
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
