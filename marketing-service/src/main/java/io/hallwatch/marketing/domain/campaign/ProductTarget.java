package io.hallwatch.marketing.domain.campaign;

/** How many units of one product the campaign sets out to sell, decided beforehand (设定目标). */
public record ProductTarget(String offerCode, int target) {
}
