/** The demo store's catalog: an outdoor and home brand, described well enough to answer product questions. */
export interface DemoProduct {
  id: number;
  title: string;
  type: string;
  tags: string[];
  price: string;
  options: string[];
  description: string;
}

const SIZES = ['XS', 'S', 'M', 'L', 'XL'];
const SHOE_SIZES = ['7', '8', '9', '10', '11', '12'];

export const demoProducts: DemoProduct[] = [
  { id: 101, title: 'Alpine Rain Jacket', type: 'Outerwear', tags: ['jackets', 'waterproof'], price: '149.00', options: SIZES, description: 'Fully waterproof 3-layer shell (20,000 mm) with taped seams, pit zips and a helmet-compatible hood. Packs into its own pocket. Weight 380 g. Machine wash cold, tumble dry low to restore the DWR coating.' },
  { id: 102, title: 'Trail Softshell Jacket', type: 'Outerwear', tags: ['jackets'], price: '119.00', options: SIZES, description: 'Water-resistant (not waterproof) stretch softshell for dry, windy days. Fleece-backed, two hand pockets, regular fit. Machine washable.' },
  { id: 103, title: 'Summit Down Parka', type: 'Outerwear', tags: ['jackets', 'winter'], price: '289.00', options: SIZES, description: '700-fill responsibly sourced down, rated to -20°C (-4°F). Water-repellent shell, removable faux-fur hood trim, two-way zip. Runs slightly large: size down if between sizes.' },
  { id: 104, title: 'Ridge Fleece Pullover', type: 'Apparel', tags: ['fleece'], price: '69.00', options: SIZES, description: 'Recycled polyester grid fleece, quarter zip, thumb loops. Colours: forest green, charcoal, rust. True to size.' },
  { id: 105, title: 'Merino Crew Sweater', type: 'Apparel', tags: ['knitwear'], price: '98.00', options: SIZES, description: '100% merino wool, 18.5 micron, soft and not itchy. Hand wash cold or wool cycle, dry flat.' },
  { id: 106, title: 'Everyday Hoodie', type: 'Apparel', tags: ['hoodies'], price: '64.00', options: SIZES, description: 'Organic cotton French terry, unisex fit, kangaroo pocket. Pre-shrunk; machine wash warm.' },
  { id: 107, title: 'Hiking Wool Socks (3-pack)', type: 'Apparel', tags: ['socks'], price: '29.00', options: ['S', 'M', 'L'], description: 'Merino blend cushioned hiking socks, three pairs. Machine washable. Socks are final sale for hygiene reasons.' },
  { id: 108, title: 'Canyon Hiking Boots', type: 'Footwear', tags: ['boots', 'waterproof'], price: '179.00', options: SHOE_SIZES, description: 'Waterproof nubuck leather with a breathable membrane, Vibram outsole, ankle support. Little break-in needed. True to size; wide feet may prefer a half size up.' },
  { id: 109, title: 'Trail Running Shoes', type: 'Footwear', tags: ['shoes', 'running'], price: '129.00', options: SHOE_SIZES, description: 'Lightweight (280 g) trail runners with 6 mm drop and rock plate. Not waterproof. Runs half a size small.' },
  { id: 110, title: 'Camp Slip-On Shoes', type: 'Footwear', tags: ['shoes'], price: '59.00', options: SHOE_SIZES, description: 'Packable insulated camp shoes with a collapsible heel. Water-resistant ripstop upper.' },
  { id: 111, title: 'Stoneware Coffee Mug', type: 'Home', tags: ['mugs', 'kitchen'], price: '24.00', options: ['Oat', 'Slate', 'Moss'], description: 'Handmade stoneware, 12 oz (350 ml). Dishwasher and microwave safe. Each glaze varies slightly.' },
  { id: 112, title: 'Enamel Camp Mug', type: 'Home', tags: ['mugs', 'camping'], price: '18.00', options: ['White', 'Navy'], description: 'Steel enamel mug, 10 oz. Not microwave safe. Dishwasher safe.' },
  { id: 113, title: 'Brass Table Lamp', type: 'Home', tags: ['lamps', 'lighting'], price: '139.00', options: ['Brass', 'Black'], description: 'Solid brass base, linen shade, 45 cm tall. Takes one E26 bulb (not included). Dimmable with a dimmable bulb.' },
  { id: 114, title: 'Wool Throw Blanket', type: 'Home', tags: ['blankets'], price: '115.00', options: ['Grey', 'Cream'], description: 'Lambswool throw, 130 × 170 cm. Dry clean or hand wash cold.' },
  { id: 115, title: 'Ceramic Pour-Over Set', type: 'Home', tags: ['kitchen', 'final-sale'], price: '45.00', options: ['White'], description: 'Dripper and carafe set from our last season: final sale, no returns.' },
  { id: 116, title: 'Trailhead 30L Backpack', type: 'Outdoor', tags: ['backpacks'], price: '139.00', options: ['Black', 'Olive'], description: '30 litre daypack, fits a 15-inch laptop, hip belt, rain cover included. Lifetime warranty against manufacturing defects.' },
  { id: 117, title: 'Ultralight 2P Tent', type: 'Outdoor', tags: ['tents', 'camping'], price: '349.00', options: ['Sand'], description: 'Two-person freestanding tent, 1.4 kg packed, two doors, 3-season. Seam-sealed fly.' },
  { id: 118, title: 'Insulated Water Bottle', type: 'Outdoor', tags: ['bottles'], price: '32.00', options: ['Steel', 'Forest', 'Coral'], description: '750 ml double-wall vacuum bottle keeps drinks cold 24 h and hot 12 h. Hand wash only.' },
  { id: 119, title: 'Down Sleeping Bag', type: 'Outdoor', tags: ['camping'], price: '259.00', options: ['Regular', 'Long'], description: 'Comfort rating -5°C (23°F), 650-fill down, 1.1 kg. Compression sack included.' },
  { id: 120, title: 'Rechargeable Headlamp', type: 'Outdoor', tags: ['lighting'], price: '49.00', options: ['Black'], description: '400 lumen USB-C headlamp, battery life 8 h on high and 60 h on low. IPX4 water resistant.' },
  { id: 121, title: 'Cashmere Scarf', type: 'Accessories', tags: ['scarves'], price: '89.00', options: ['Camel', 'Charcoal'], description: '100% cashmere, 180 × 30 cm. Dry clean.' },
  { id: 122, title: 'Knit Beanie', type: 'Accessories', tags: ['hats'], price: '28.00', options: ['Rust', 'Navy', 'Grey'], description: 'Recycled wool blend, one size fits most.' },
  { id: 123, title: 'Leather Card Wallet', type: 'Accessories', tags: ['wallets'], price: '55.00', options: ['Tan', 'Black'], description: 'Full-grain vegetable-tanned leather, holds 6 cards. Not vegan.' },
  { id: 124, title: 'Gift Card', type: 'Gift Card', tags: ['gift-card'], price: '50.00', options: ['$50', '$100'], description: 'Digital gift card delivered by e-mail, never expires. Gift cards cannot be returned or refunded.' },
  { id: 125, title: 'Sample Sale Fleece Vest', type: 'Apparel', tags: ['fleece', 'final-sale'], price: '35.00', options: SIZES, description: 'Sample sale vest: final sale, cannot be returned or exchanged.' },
  { id: 126, title: 'Waxed Canvas Tote', type: 'Accessories', tags: ['bags'], price: '79.00', options: ['Olive', 'Tan'], description: 'Water-resistant waxed canvas, leather handles 60 cm long, inner zip pocket.' },
];
