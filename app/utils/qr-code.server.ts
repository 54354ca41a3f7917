import QRCode from "qrcode";

/** A QR code as inline SVG, drawn on our own server: the key it carries never travels to an outside service. */
export function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
