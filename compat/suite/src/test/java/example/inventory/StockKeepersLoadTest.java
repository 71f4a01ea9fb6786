package example.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.http.HttpApi;
import dev.horde.store.Slot;
import dev.horde.user.UserEntity;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Virtual users with state of their own on the lean client: each keeper creates an item when it starts, restocks it
 * in every iteration, checks that the service counted every unit it added, and deletes the item when it stops.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StockKeepersLoadTest {

    @LocalServerPort
    int port;

    @BeforeEach
    void pointTheClientsAtTheApplication() {
        RestAssured.port = port; // UserEntity.api() goes where REST Assured goes
    }

    /** A user that owns one item and knows how many units it added. */
    public static class StockKeeper extends UserEntity {
        static final Slot<Long> ITEM = Slot.of("item", Long.class);
        static final Slot<Integer> ADDED = Slot.of("units added", Integer.class);

        @Override
        public void setUp() {
            String location = api().post("/api/items").json(Map.of("name", "crate")).expect(201).send()
                    .header("Location").orElseThrow();
            state().put(ITEM, Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
            state().put(ADDED, 0);
        }

        void restockAndCount() {
            long item = store().get(ITEM).orElseThrow();
            api().put("/api/items/{id}/stock", item).query("add", 3).expect(200).send();
            int added = store().get(ADDED).orElseThrow() + 3;
            state().put(ADDED, added);
            int stock = api().get("/api/items/{id}", item).send().json().get("stock").asInt();
            if (stock != added) {
                throw new AssertionError("item " + item + " has " + stock + " units, its keeper added " + added);
            }
        }

        @Override
        public void tearDown() {
            api().delete("/api/items/{id}", store().get(ITEM).orElseThrow()).expect(204).send();
        }
    }

    @Test
    void theLeanClientWorksOutsideALoadTestToo() {
        HttpApi api = HttpApi.to("http://127.0.0.1:" + port);

        String location = api.post("/api/items").json(Map.of("name", "crate")).expect(201).send()
                .header("Location").orElseThrow();

        assertThat(api.get(location).send().json().get("name").asText()).isEqualTo("crate");
    }

    @LoadTest(users = 50, duration = "6s", rampUp = "1s")
    @ErrorBudget(maxRate = 0)
    @LatencyBudget(metric = "PUT /api/items/{id}/stock", p99 = "1s")
    void stockKeepers(StockKeeper keeper) {
        keeper.restockAndCount();
    }
}
