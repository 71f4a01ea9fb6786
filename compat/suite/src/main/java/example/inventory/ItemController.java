package example.inventory;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Items, with the answers Spring applications give without a body: 201 with a {@code Location}, 200 from
 * {@code ResponseEntity.ok().build()}, 204, and a 404 from {@code ResponseEntity.notFound().build()}.
 */
@RestController
@RequestMapping("/api/items")
class ItemController {

    private final Map<Long, Item> items = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @PostMapping
    ResponseEntity<Void> create(@RequestBody NewItem item) {
        long id = ids.incrementAndGet();
        items.put(id, new Item(id, item.name(), 0));
        return ResponseEntity.created(URI.create("/api/items/" + id)).build();
    }

    @GetMapping("/{id}")
    ResponseEntity<Item> read(@PathVariable("id") long id) {
        Item item = items.get(id);
        return item == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(item);
    }

    @PutMapping("/{id}/stock")
    ResponseEntity<Void> restock(@PathVariable("id") long id, @RequestParam("add") int add) {
        Item updated = items.computeIfPresent(id, (key, item) -> new Item(id, item.name(), item.stock() + add));
        return updated == null ? ResponseEntity.notFound().build() : ResponseEntity.ok().build();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable("id") long id) {
        return items.remove(id) == null ? ResponseEntity.notFound().build() : ResponseEntity.noContent().build();
    }
}
