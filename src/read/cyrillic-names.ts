/** A Russian or Ukrainian patronymic in any case ("Олександрович", "Сергеевна", "Михайлівні"): the middle word of a full name. */
export const PATRONYMIC = /(?:ович|евич|євич|йович|івн|ївн|овн|евн|ичн)[а-яіїє]{0,3}$/u;
