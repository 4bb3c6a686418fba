package dev.xamba.opt.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Cost}'s order is total and consistent with equals. */
class CostOrderTest {
    @Test void ordersByTotalFirst() {
        assertThat(Cost.of(Unit.SHAVE, 1).compareTo(Cost.of(Unit.DPU, 2))).isNegative();
        assertThat(Cost.of(Unit.DPU, 2).isLessThan(Cost.of(Unit.SHAVE, 1))).isFalse();
        assertThat(Cost.ZERO.isLessThan(Cost.of(Unit.DMA, 0.001))).isTrue();
    }

    @Test void equalTotalsAreOrderedUnitByUnitAndStayDistinct() {
        Cost onDpu = Cost.of(Unit.DPU, 1).plus(Cost.of(Unit.SHAVE, 2));
        Cost onShave = Cost.of(Unit.DPU, 2).plus(Cost.of(Unit.SHAVE, 1));
        assertThat(onDpu.totalMicros()).isEqualTo(onShave.totalMicros());
        assertThat(onDpu.compareTo(onShave)).isNegative();
        assertThat(onShave.compareTo(onDpu)).isPositive();
        assertThat(onDpu).isNotEqualTo(onShave);
    }

    @Test void equalCostsCompareZeroAndHashAlike() {
        Cost a = Cost.of(Unit.DPU, 1).plus(Cost.of(Unit.DMA, 2));
        Cost b = Cost.of(Unit.DMA, 2).plus(Cost.of(Unit.DPU, 1));
        assertThat(a.compareTo(b)).isZero();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(Cost.of(Unit.CPU, 0)).isEqualTo(Cost.ZERO);
    }

    @Test void sortingIsTransitiveOverMixedCosts() {
        List<Cost> costs = new ArrayList<>();
        for (int i = 0; i < 4; i++) for (Unit u : Unit.values()) costs.add(Cost.of(u, i).plus(Cost.of(Unit.DPU, 3 - i)));
        costs.sort(null);
        for (int i = 1; i < costs.size(); i++) assertThat(costs.get(i - 1).compareTo(costs.get(i))).isLessThanOrEqualTo(0);
        for (Cost a : costs) for (Cost b : costs) assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
    }

    @Test void rejectsNegativeAndNonFiniteTimes() {
        assertThatThrownBy(() -> Cost.of(Unit.DPU, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cost.of(Unit.DPU, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cost.of(Unit.DPU, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test void printsItsSplit() {
        assertThat(Cost.of(Unit.DPU, 2.3).plus(Cost.of(Unit.SHAVE, 10)).toString()).isEqualTo("12.300 µs (DPU 2.300, SHAVE 10.000)");
    }
}
