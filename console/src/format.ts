/** Vietnamese number, money and date formats: 150.000.000 đ, 31/03/2026, 66,7%. */
import dayjs from "dayjs";
import "dayjs/locale/vi";

dayjs.locale("vi");

const number = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 });

export const formatNumber = (value: number): string => number.format(value);
export const formatMoney = (value: number): string => `${number.format(value)} đ`;
/** A fraction as a percentage; "–" when there is none (nothing enforceable). */
export const formatRate = (value: number | null): string => (value === null ? "–" : percent.format(value));
/** An ISO date or instant as 31/03/2026; "–" when absent. */
export const formatDate = (value: string | null | undefined): string => (value ? dayjs(value).format("DD/MM/YYYY") : "–");
export const formatDateTime = (value: string): string => dayjs(value).format("DD/MM/YYYY HH:mm");
/** Digits typed with Vietnamese thousands separators ("1.500.000") as a number. */
export const parseMoney = (text: string | undefined): number => Number((text ?? "").replace(/[^\d]/g, "") || "0");
