package ru.otklik.support;

import java.util.concurrent.ThreadLocalRandom;

/** Long made-up Russian words that no other test writes: a search in the shared database finds only its own posts. */
public final class MadeUpWords {

    private static final String CONSONANTS = "бвгдзклмнпрстфхжш";
    private static final String VOWELS = "аоуиэ";

    private MadeUpWords() {}

    /** A new word of 14 letters, consonants and vowels in turn. */
    public static String next() {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            word.append(CONSONANTS.charAt(ThreadLocalRandom.current().nextInt(CONSONANTS.length())));
            word.append(VOWELS.charAt(ThreadLocalRandom.current().nextInt(VOWELS.length())));
        }
        return word.toString();
    }
}
