package io.passerelle.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** What the simulated restaurants sell: a trattoria for the Italian till, a bistro for the French one. */
public enum Menu {
    ITALIAN(
            List.of(dish("Antipasto misto", "12.00"), dish("Burrata pugliese", "11.50"), dish("Vitello tonnato", "13.00")),
            List.of(dish("Tagliatelle al ragù", "14.00"), dish("Spaghetti alle vongole", "16.50"),
                    dish("Risotto ai funghi porcini", "17.00"), dish("Pizza Margherita", "9.00"),
                    dish("Saltimbocca alla romana", "19.50")),
            List.of(dish("Tiramisù", "7.00"), dish("Panna cotta", "6.50"), dish("Cannolo siciliano", "5.50")),
            List.of(dish("Calice di Chianti", "6.00"), dish("Acqua minerale", "3.00"), dish("Spritz", "8.00")),
            dish("Caffè", "2.00")),
    FRENCH(
            List.of(dish("Soupe à l'oignon", "9.50"), dish("Œuf mayonnaise", "7.00"),
                    dish("Escargots de Bourgogne", "14.00")),
            List.of(dish("Steak frites", "22.00"), dish("Confit de canard", "21.50"), dish("Bœuf bourguignon", "23.00"),
                    dish("Sole meunière", "29.00"), dish("Quiche lorraine", "15.00")),
            List.of(dish("Crème brûlée", "8.50"), dish("Tarte Tatin", "9.00"), dish("Mousse au chocolat", "8.00")),
            List.of(dish("Verre de Bordeaux", "7.50"), dish("Kir", "6.00"), dish("Eau minérale", "4.00")),
            dish("Café", "2.50"));

    record Dish(String name, BigDecimal price) {}

    private final List<Dish> starters;
    private final List<Dish> mains;
    private final List<Dish> desserts;
    private final List<Dish> drinks;
    private final Dish coffee;

    Menu(List<Dish> starters, List<Dish> mains, List<Dish> desserts, List<Dish> drinks, Dish coffee) {
        this.starters = starters;
        this.mains = mains;
        this.desserts = desserts;
        this.drinks = drinks;
        this.coffee = coffee;
    }

    /** Menus by the short names used in settings ({@code it}, {@code fr}). */
    static Menu byCode(String code) {
        return switch (code.toLowerCase()) {
            case "it", "italian" -> ITALIAN;
            case "fr", "french" -> FRENCH;
            default -> throw new IllegalArgumentException("unknown menu '" + code + "' (it or fr)");
        };
    }

    Optional<OrderItem> item(String name, int quantity, String currency) {
        return allDishes().stream()
                .filter(dish -> dish.name().equalsIgnoreCase(name))
                .findFirst()
                .map(dish -> new OrderItem(dish.name(), quantity, Money.of(dish.price(), currency)));
    }

    /** A plausible meal for a table: a main each, some starters and desserts, wine and coffee. */
    List<OrderItem> randomMeal(int covers, String currency, RandomGenerator random) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        Map<String, Dish> dishes = new LinkedHashMap<>();
        for (int guest = 0; guest < covers; guest++) {
            maybeOrder(starters, 0.5, random, dishes, quantities);
            maybeOrder(mains, 1.0, random, dishes, quantities);
            maybeOrder(desserts, 0.4, random, dishes, quantities);
            maybeOrder(drinks, 0.8, random, dishes, quantities);
            maybeOrder(List.of(coffee), 0.6, random, dishes, quantities);
        }
        List<OrderItem> items = new ArrayList<>();
        quantities.forEach((name, quantity) ->
                items.add(new OrderItem(name, quantity, Money.of(dishes.get(name).price(), currency))));
        return items;
    }

    private static void maybeOrder(List<Dish> course, double probability, RandomGenerator random,
            Map<String, Dish> dishes, Map<String, Integer> quantities) {
        if (random.nextDouble() < probability) {
            Dish dish = course.get(random.nextInt(course.size()));
            dishes.put(dish.name(), dish);
            quantities.merge(dish.name(), 1, Integer::sum);
        }
    }

    private List<Dish> allDishes() {
        List<Dish> all = new ArrayList<>(starters);
        all.addAll(mains);
        all.addAll(desserts);
        all.addAll(drinks);
        all.add(coffee);
        return all;
    }

    private static Dish dish(String name, String price) {
        return new Dish(name, new BigDecimal(price));
    }
}
